interface Props {
  id: string
  title: string
  links: { href: string; label: string }[]
  headingClass?: string
}

/** A titled list of links to related pages (a deputy's cases and lectures, a station's cases); nothing when empty. */
export function LinkSection({ id, title, links, headingClass }: Props) {
  if (links.length === 0) return null
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={headingClass}>
        {title}
      </h2>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
