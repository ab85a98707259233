import { t } from '../../../../web/src/i18n/index.js'
import { escapeHtml, renderAlert, renderHtmlPage } from './html-page.js'

/** Why the last attempt failed; each has its own Dutch explanation. */
export type LoginProblem =
  | { readonly kind: 'velden'; readonly gebruikersnaam?: string | undefined; readonly wachtwoord?: string | undefined }
  | { readonly kind: 'onjuist' }
  | { readonly kind: 'geen-rollen' }
  | { readonly kind: 'te-vaak'; readonly minuten: number }

export interface LoginPageOptions {
  /** Where the form posts to (the interaction's login URL). */
  readonly action: string
  readonly gebruikersnaam?: string | undefined
  readonly problem?: LoginProblem | undefined
  readonly stylesheet: string | undefined
}

interface FieldOptions {
  readonly id: string
  readonly label: string
  readonly type: 'text' | 'password'
  readonly autocomplete: string
  readonly value: string
  readonly error: string | undefined
  readonly autofocus: boolean
}

function field(f: FieldOptions): string {
  const errorId = `${f.id}-fout`
  const invalid = f.error !== undefined
  const error = invalid ? `<p class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${errorId}">${escapeHtml(f.error!)}</p>` : ''
  const describedBy = invalid ? ` aria-describedby="${errorId}" aria-invalid="true"` : ''
  const cls = `utrecht-textbox utrecht-textbox--html-input${f.type === 'password' ? ' utrecht-textbox--password' : ''}${invalid ? ' utrecht-textbox--invalid' : ''}`
  return `<div class="utrecht-form-field utrecht-form-field--text${invalid ? ' utrecht-form-field--invalid' : ''}">
<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="${f.id}">${escapeHtml(f.label)}</label></div>
${error}
<div class="utrecht-form-field__input"><input class="${cls}" id="${f.id}" name="${f.id}" type="${f.type}" autocomplete="${f.autocomplete}" required spellcheck="false" autocapitalize="none" value="${escapeHtml(f.value)}"${describedBy}${f.autofocus ? ' autofocus' : ''}></div>
</div>`
}

function problemAlert(p: LoginProblem | undefined): string {
  switch (p?.kind) {
    case undefined:
    case 'velden':
      return ''
    case 'onjuist':
      return renderAlert('error', t('inloggen.fout.kop'), [t('inloggen.fout.onjuist'), t('inloggen.fout.onjuist-hulp')])
    case 'geen-rollen':
      return renderAlert('warning', t('inloggen.fout.kop'), [t('inloggen.fout.geen-rollen')])
    case 'te-vaak':
      return renderAlert('error', t('inloggen.fout.kop'), [t('inloggen.fout.te-vaak', { minuten: p.minuten })])
  }
}

/**
 * The embedded provider's login form in Dutch, with Utrecht form-field markup. Field errors sit between label and
 * input and are tied to the input with `aria-describedby`; focus goes to the first field that needs attention.
 */
export function renderLoginPage(o: LoginPageOptions): string {
  const p = o.problem
  const nameError = p?.kind === 'velden' ? p.gebruikersnaam : undefined
  const passwordError = p?.kind === 'velden' ? p.wachtwoord : undefined
  // Focus goes to the field that needs attention after a failed attempt; a fresh page leaves focus alone, so the
  // skip link stays the first Tab stop.
  const focusPassword = p !== undefined && nameError === undefined && (passwordError !== undefined || p.kind === 'onjuist')
  const focusName = p !== undefined && !focusPassword
  const main = `<h1 class="utrecht-heading-1">${escapeHtml(t('inloggen.titel'))}</h1>
<p class="utrecht-paragraph">${escapeHtml(t('inloggen.intro'))}</p>
${problemAlert(p)}
<form class="utrecht-form kp-form" method="post" action="${escapeHtml(o.action)}" novalidate>
${field({ id: 'gebruikersnaam', label: t('inloggen.gebruikersnaam'), type: 'text', autocomplete: 'username', value: o.gebruikersnaam ?? '', error: nameError, autofocus: focusName })}
${field({ id: 'wachtwoord', label: t('inloggen.wachtwoord'), type: 'password', autocomplete: 'current-password', value: '', error: passwordError, autofocus: focusPassword })}
<div class="kp-form__acties"><button class="utrecht-button utrecht-button--primary-action utrecht-button--submit" type="submit">${escapeHtml(t('inloggen.knop'))}</button></div>
</form>`
  return renderHtmlPage({ title: t('inloggen.titel'), stylesheet: o.stylesheet, main })
}
