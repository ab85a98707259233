/** Utrecht skip link: the first thing a keyboard user reaches, visible on focus, jumps to `<main>`. */
export function SkipLink({ href, children }: { readonly href: string; readonly children: string }) {
  return <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href={href}>{children}</a>
}
