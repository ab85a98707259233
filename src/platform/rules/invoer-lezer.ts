import { AppError, isAppError, isDatum, parseCent, type Cent, type Datum, type InvalidParam } from '../../core/index.js'

/**
 * Reads an unknown JSON body field by field and collects every problem, so a validator can report all of them at once
 * (`invalidParams[].name` = the field). Call `klaar(code)` at the end: it throws when anything was wrong.
 */
export class InvoerLezer {
  readonly problemen: InvalidParam[] = []
  private readonly body: Record<string, unknown>

  constructor(body: unknown, private readonly toegestaan?: readonly string[]) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      this.problemen.push({ name: '(body)', code: 'geen-object', reason: 'verwacht een JSON-object' })
      this.body = {}
    } else {
      this.body = body as Record<string, unknown>
      if (toegestaan) {
        for (const k of Object.keys(this.body)) {
          if (!toegestaan.includes(k)) this.problemen.push({ name: k, code: 'onbekend-veld', reason: 'dit veld wordt niet ondersteund' })
        }
      }
    }
  }

  private probleem(name: string, code: string, reason: string): undefined {
    this.problemen.push({ name, code, reason })
    return undefined
  }

  /** A required ISO date. */
  datum(veld: string): Datum | undefined {
    const v = this.body[veld]
    if (v === undefined || v === null) return this.probleem(veld, 'verplicht', 'verplicht veld ontbreekt')
    if (!isDatum(v)) return this.probleem(veld, 'datum-ongeldig', 'geen geldige datum (verwacht JJJJ-MM-DD)')
    return v
  }

  /** A required value from a closed list. */
  keuze<T extends string>(veld: string, waarden: readonly T[]): T | undefined {
    const v = this.body[veld]
    if (v === undefined || v === null) return this.probleem(veld, 'verplicht', 'verplicht veld ontbreekt')
    if (typeof v !== 'string' || !waarden.includes(v as T)) {
      return this.probleem(veld, 'waarde-onbekend', `onbekende waarde; toegestaan: ${waarden.join(', ')}`)
    }
    return v as T
  }

  /** A boolean; `standaard` when absent, or a problem when absent and no default is given. */
  jaNee(veld: string, standaard?: boolean): boolean | undefined {
    const v = this.body[veld]
    if (v === undefined || v === null) return standaard === undefined ? this.probleem(veld, 'verplicht', 'verplicht veld ontbreekt') : standaard
    if (typeof v !== 'boolean') return this.probleem(veld, 'geen-ja-nee', 'verwacht true of false')
    return v
  }

  /** An amount in integer cents, ≥ 0 and ≤ `max`. Absent → problem, or `undefined` when `optioneel`. */
  cent(veld: string, opts: { optioneel?: boolean; max?: number } = {}): Cent | undefined {
    const v = this.body[veld]
    if (v === undefined || v === null) return opts.optioneel ? undefined : this.probleem(veld, 'verplicht', 'verplicht veld ontbreekt')
    try {
      return parseCent(v, veld, opts.max === undefined ? {} : { max: opts.max })
    } catch (e) {
      if (isAppError(e)) { this.problemen.push(...e.invalidParams); return undefined }
      throw e
    }
  }

  /** An integer in `[min, max]`. */
  geheelGetal(veld: string, min: number, max: number, opts: { optioneel?: boolean } = {}): number | undefined {
    const v = this.body[veld]
    if (v === undefined || v === null) return opts.optioneel ? undefined : this.probleem(veld, 'verplicht', 'verplicht veld ontbreekt')
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
      return this.probleem(veld, 'getal-ongeldig', `verwacht een geheel getal van ${min} tot en met ${max}`)
    }
    return v
  }

  /** Throws `AppError('invalid', code, …)` listing every collected problem. */
  klaar(code: string, melding: string): void {
    if (this.problemen.length > 0) throw new AppError('invalid', code, melding, this.problemen)
  }
}
