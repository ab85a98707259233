import type { HTMLAttributes } from 'react'

/** Utrecht paragraph; `lead` for an introduction. */
export function Paragraph({ lead, className, ...rest }: HTMLAttributes<HTMLParagraphElement> & { readonly lead?: boolean }) {
  return <p {...rest} className={['utrecht-paragraph', lead && 'utrecht-paragraph--lead', className].filter(Boolean).join(' ')} />
}
