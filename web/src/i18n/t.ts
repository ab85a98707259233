import { nl, type MessageKey } from './nl.js'

export type MessageParams = Readonly<Record<string, string | number>>

/**
 * The Dutch text for `key`, with `{name}` placeholders filled from `params`. A missing parameter stays visible as
 * `{name}` so a forgotten argument shows up in review instead of silently disappearing.
 *
 * @example t('app.ingelogd-als', { naam: 'Fatima', organisatie: 'Gemeente Utrecht' })
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const text: string = nl[key]
  if (!params) return text
  return text.replace(/\{([a-z-]+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** True when `key` is a known message key; for keys built at run time (roles, organisation kinds, statuses). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(nl, key)

/** `t()` for a key built at run time, falling back to the raw value (an unknown role still shows, untranslated). */
export function tOr(key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback
}
