const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' })
const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' })

/** An ISO instant in Dutch, in Dutch time: "28 nov 2026, 16:04". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d)
}

/** An ISO instant as a Dutch date: "28 november 2026". */
export function formatDate(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : date.format(d)
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' })

/** Integer eurocents as Dutch euros: 134545 → "€ 1.345,45". */
export const formatEuro = (cent: number): string => euro.format(cent / 100)

/**
 * Euros as typed by a person ("1.345,45", "1345.45", "€ 1345") → integer cents, or undefined when it is not an
 * amount with at most two decimals. A dot followed by exactly three digits is a thousands separator, as Dutch
 * users write it; otherwise a single dot or comma is the decimal mark.
 */
export function parseEuro(text: string): number | undefined {
  let s = text.replace(/[€\s]/g, '')
  if (s === '') return undefined
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.')
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined
  const [heel, fractie = ''] = s.split('.')
  return Number(heel) * 100 + Number(fractie.padEnd(2, '0'))
}

const dag = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' })

/** A `YYYY-MM-DD` date as a Dutch date without time-zone shifts: "1 januari 2026". */
export function formatDag(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? dag.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso
}
