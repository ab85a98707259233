import { Link } from '../Link/index.js'

export interface NavBarItem {
  readonly id: string
  readonly pad: string
  readonly titel: string
}

/** Utrecht nav bar with a nav list; the link to the current page carries `aria-current="page"`. */
export function NavBar({ label, items, current }: { readonly label: string; readonly items: readonly NavBarItem[]; readonly current: string }) {
  return (
    <nav className="utrecht-nav-bar kp-nav" aria-label={label}>
      <div className="utrecht-nav-bar__content">
        <ul className="utrecht-nav-list">
          {items.map((i) => (
            <li className="utrecht-nav-list__item" key={i.id}>
              <Link className="utrecht-nav-list__link kp-nav__link" href={i.pad} current={i.pad === current}>{i.titel}</Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  )
}
