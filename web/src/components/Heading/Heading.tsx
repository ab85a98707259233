import { forwardRef, type HTMLAttributes } from 'react'

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  readonly level: 1 | 2 | 3
}

/** Utrecht heading 1–3. The level is the document outline level; visual size follows it. */
export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading({ level, className, ...rest }, ref) {
  const Tag = `h${level}` as const
  return <Tag ref={ref} {...rest} className={[`utrecht-heading-${level}`, className].filter(Boolean).join(' ')} />
})
