import { ValidationError, type InvalidParam } from '../api/index.js'

export interface FormErrors<F extends string> {
  /** Message per field, shown under the field's label. */
  readonly fields: Partial<Record<F, string>>
  /** Problems that belong to no field of this form; shown in the summary only. */
  readonly other: readonly string[]
}

/**
 * Turns the hub's `invalidParams` into form errors: a parameter named after a field (or a path inside it, like
 * `scopes.2`) lands on that field; the rest goes to the summary. Several reasons for one field are joined.
 */
export function formErrorsFrom<F extends string>(error: ValidationError, fields: readonly F[]): FormErrors<F> {
  const out: Partial<Record<F, string>> = {}
  const other: string[] = []
  for (const p of error.invalidParams) {
    const field = fieldOf(p, fields)
    if (field) out[field] = out[field] ? `${out[field]} ${p.reason}` : p.reason
    else other.push(`${p.name}: ${p.reason}`)
  }
  return { fields: out, other }
}

function fieldOf<F extends string>(p: InvalidParam, fields: readonly F[]): F | undefined {
  const head = p.name.split(/[.[]/)[0] ?? ''
  return fields.find((f) => f === head)
}

export const noErrors = <F extends string>(): FormErrors<F> => ({ fields: {}, other: [] })

export const hasErrors = (e: FormErrors<string>): boolean => e.other.length > 0 || Object.values(e.fields).some(Boolean)
