import { t } from '../../../../web/src/i18n/index.js'

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export interface HtmlPageOptions {
  readonly title: string
  /** The SPA's stylesheet, so login pages look exactly like the portal; absent when the SPA is not built. */
  readonly stylesheet: string | undefined
  /** Trusted HTML for inside `<main>`: build it from escaped values only. */
  readonly main: string
}

/**
 * A complete server-rendered page in the portal's layout (Utrecht page header, main, footer) with a skip link and
 * landmarks, for the few screens that exist before there is a session: login, expired login, provider errors.
 */
export function renderHtmlPage(o: HtmlPageOptions): string {
  const css = o.stylesheet ? `<link rel="stylesheet" href="${escapeHtml(o.stylesheet)}">` : ''
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)} – ${escapeHtml(t('app.naam'))}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${css}
</head>
<body class="utrecht-theme utrecht-body utrecht-document utrecht-document--surface">
<div class="utrecht-page-layout kp-layout">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">${escapeHtml(t('app.skiplink'))}</a>
<header class="utrecht-page-header kp-header"><div class="utrecht-page-header__content kp-header__content">
<p class="kp-logo"><span class="kp-logo__naam">${escapeHtml(t('app.naam'))}</span> <span class="kp-logo__ondertitel">${escapeHtml(t('app.ondertitel'))}</span></p>
</div></header>
<div class="utrecht-page-body kp-body"><main id="inhoud" class="utrecht-page-body__content kp-main kp-main--smal" tabindex="-1">
${o.main}
</main></div>
<footer class="utrecht-page-footer kp-footer"><div class="utrecht-page-footer__content"><p class="utrecht-paragraph">${escapeHtml(t('app.voet'))}</p></div></footer>
</div>
</body>
</html>`
}

/** An Utrecht alert; `role="alert"` so screen readers announce it when the page re-renders after a failed submit. */
export function renderAlert(kind: 'error' | 'warning' | 'info' | 'ok', heading: string | undefined, paragraphs: readonly string[]): string {
  const head = heading ? `<h2 class="utrecht-heading-2 kp-alert__kop">${escapeHtml(heading)}</h2>` : ''
  const body = paragraphs.map((p) => `<p class="utrecht-paragraph">${escapeHtml(p)}</p>`).join('')
  return `<div class="utrecht-alert utrecht-alert--${kind}" role="alert"><div class="utrecht-alert__content"><div class="utrecht-alert__message">${head}${body}</div></div></div>`
}

/** A page with a heading, a message and one link onward (expired login, provider error, logout done). */
export function renderMessagePage(o: { title: string; text: string; link?: { href: string; label: string } | undefined; stylesheet: string | undefined }): string {
  const link = o.link ? `<p class="utrecht-paragraph"><a class="utrecht-link" href="${escapeHtml(o.link.href)}">${escapeHtml(o.link.label)}</a></p>` : ''
  return renderHtmlPage({
    title: o.title,
    stylesheet: o.stylesheet,
    main: `<h1 class="utrecht-heading-1">${escapeHtml(o.title)}</h1><p class="utrecht-paragraph">${escapeHtml(o.text)}</p>${link}`,
  })
}
