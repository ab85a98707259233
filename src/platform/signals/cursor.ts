import { AppError } from '../../core/index.js'

/**
 * The feed cursor: opaque to clients (base64url of `s<seq>`), stable because `seq` only grows and signals are never
 * reordered. A cursor of another shape is refused rather than guessed at.
 */
export const maakCursor = (seq: number): string => Buffer.from(`s${seq}`, 'utf8').toString('base64url')

export function leesCursor(cursor: string, veld = 'na'): number {
  const tekst = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const m = /^s(\d{1,15})$/.exec(tekst)
  if (!m) {
    throw new AppError('invalid', 'signalen.cursor-ongeldig', `${veld}: onbekende cursor`, [
      { name: veld, code: 'cursor-ongeldig', reason: 'gebruik de waarde van "volgende" uit een eerder antwoord' },
    ])
  }
  return Number(m[1])
}
