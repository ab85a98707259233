import { randomBytes } from 'node:crypto'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { AppError, leesTijdCursor, maakTijdCursor, newId, type InvalidParam } from '../../core/index.js'
import type { Principal } from '../access/index.js'
import type { AbonnementInhoud, AbonnementRow, AfleveringRow, AfleveringStatus, OnderwerpSoort } from './delivery-tables.js'
import { gebeurtenisEventType } from './gebeurtenis-meldingen.js'
import { checkWebhookUrl, type UrlGuardOptions } from './url-guard.js'

/** A subscription as its owner sees it; the secret is shown only once, when it is created. */
export interface Abonnement {
  readonly id: string
  readonly url: string
  readonly producten: readonly string[]
  readonly soorten?: readonly string[]
  readonly inhoud: AbonnementInhoud
  readonly status: 'actief' | 'opgezegd'
  readonly aangemaakt: string
  readonly opgezegd?: string
}

export interface Afleverpoging { readonly tijdstip: string; readonly httpStatus: number | null; readonly fout: string | null; readonly duurMs: number }
/** What a delivery delivers; for a notice also its CloudEvents `type` and `subject` (e.g. the OIB month). */
export interface AfleverOnderwerp { readonly soort: OnderwerpSoort; readonly id: string; readonly type?: string; readonly subject?: string }
export interface Aflevering {
  readonly id: string
  /** The signal id of a signal delivery; null for a notice (see `onderwerp`). */
  readonly signaalId: string | null
  readonly onderwerp: AfleverOnderwerp
  readonly status: AfleveringStatus
  readonly reden: string | null
  readonly aantalPogingen: number
  readonly volgendePoging: string | null
  readonly aangemaakt: string
  readonly afgeleverd: string | null
  readonly pogingen: readonly Afleverpoging[]
}

/** At most this many active subscriptions per organisation: each one multiplies every signal into a delivery. */
export const MAX_ACTIEVE_ABONNEMENTEN = 25
const SOORT = /^[a-z][a-z0-9-]{0,31}$/

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`

const toAbonnement = (r: AbonnementRow): Abonnement => ({
  id: r.id, url: r.url, producten: JSON.parse(r.producten) as string[],
  ...(r.soorten ? { soorten: JSON.parse(r.soorten) as string[] } : {}),
  inhoud: r.inhoud, status: r.opgezegd ? 'opgezegd' : 'actief', aangemaakt: r.aangemaakt,
  ...(r.opgezegd ? { opgezegd: r.opgezegd } : {}),
})

/** Subscriptions, their deliveries and dead letters, always scoped to the caller's own organisation. */
export function createAbonnementenService(ctx: HubContext, urlGuard: UrlGuardOptions, wake: () => void, berichten?: Readonly<Record<string, readonly string[]>>) {
  const { db } = ctx.database
  const now = () => ctx.clock.now().toISOString()

  /** The subscription if it belongs to `oin`; another organisation's id answers exactly like an unknown one. */
  async function eigen(oin: string, id: string): Promise<AbonnementRow> {
    const row = await db.selectFrom('abonnementen').selectAll().where('id', '=', id).where('oin', '=', oin).executeTakeFirst()
    if (!row) throw new AppError('not-found', 'abonnement.onbekend', 'abonnement bestaat niet (of is van een andere organisatie)')
    return row
  }

  return {
    async maak(principal: Principal, body: unknown): Promise<Abonnement & { secret: string }> {
      const invoer = valideer(ctx, principal, body, berichten)
      const checked = await checkWebhookUrl(invoer.url, urlGuard)
      const oin = principal.organisatie.oin
      const actief = await db.selectFrom('abonnementen').select((eb) => eb.fn.countAll<number>().as('n')).where('oin', '=', oin).where('opgezegd', 'is', null).executeTakeFirstOrThrow()
      if (Number(actief.n) >= MAX_ACTIEVE_ABONNEMENTEN)
        throw new AppError('conflict', 'abonnement.te-veel', `een organisatie heeft hoogstens ${MAX_ACTIEVE_ABONNEMENTEN} actieve abonnementen; zeg er eerst een op`)
      const secret = newWebhookSecret()
      const row: AbonnementRow = {
        id: newId(), oin, url: checked.url.href, producten: JSON.stringify(invoer.producten),
        soorten: invoer.soorten ? JSON.stringify(invoer.soorten) : null, inhoud: invoer.inhoud,
        geheim_versleuteld: ctx.keyring.encrypt('webhook-secret', secret), aangemaakt: now(), opgezegd: null,
      }
      await db.insertInto('abonnementen').values(row).execute()
      return { ...toAbonnement(row), secret }
    },

    async lijst(oin: string): Promise<Abonnement[]> {
      const rows = await db.selectFrom('abonnementen').selectAll().where('oin', '=', oin).orderBy('aangemaakt', 'desc').orderBy('id').execute()
      return rows.map(toAbonnement)
    },

    async een(oin: string, id: string): Promise<Abonnement> {
      return toAbonnement(await eigen(oin, id))
    },

    /** Cancels; waiting deliveries become dead letters at once (reason `abonnement-opgezegd`). Idempotent. */
    async zegOp(oin: string, id: string): Promise<void> {
      const row = await eigen(oin, id)
      if (row.opgezegd) return
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('abonnementen').set({ opgezegd: now() }).where('id', '=', id).execute()
        await tx.updateTable('afleveringen').set({ status: 'dood', reden: 'abonnement-opgezegd', volgende_poging: null })
          .where('abonnement_id', '=', id).where('status', '=', 'wachtend').execute()
      })
    },

    /** Deliveries newest first, each with its attempts; `status: 'dood'` gives the dead letters. */
    async afleveringen(oin: string, id: string, q: { status?: AfleveringStatus; na?: string; limiet: number }): Promise<{ afleveringen: Aflevering[]; volgende: string | null }> {
      await eigen(oin, id)
      let query = db.selectFrom('afleveringen').selectAll().where('abonnement_id', '=', id)
      if (q.status) query = query.where('status', '=', q.status)
      if (q.na) {
        const [aangemaakt, na] = leesCursor(q.na)
        query = query.where((eb) => eb.or([eb('aangemaakt', '<', aangemaakt), eb.and([eb('aangemaakt', '=', aangemaakt), eb('id', '<', na)])]))
      }
      const rows = await query.orderBy('aangemaakt', 'desc').orderBy('id', 'desc').limit(q.limiet + 1).execute()
      const page = rows.slice(0, q.limiet)
      const pogingen = page.length
        ? await db.selectFrom('afleverpogingen').selectAll().where('aflevering_id', 'in', page.map((r) => r.id)).orderBy('seq').execute()
        : []
      const perAflevering = new Map<string, typeof pogingen>()
      for (const x of pogingen) {
        const lijst = perAflevering.get(x.aflevering_id)
        if (lijst) lijst.push(x)
        else perAflevering.set(x.aflevering_id, [x])
      }
      const gebeurtenisIds = page.filter((r) => r.onderwerp === 'gebeurtenis').map((r) => r.signaal_id)
      const gebeurtenissen = new Map((gebeurtenisIds.length
        ? await db.selectFrom('gebeurtenissen').select(['id', 'product', 'soort', 'onderwerp']).where('id', 'in', gebeurtenisIds).execute()
        : []).map((g) => [g.id, { type: gebeurtenisEventType(g.product, g.soort), subject: g.onderwerp }]))
      const last = page[page.length - 1]
      return {
        afleveringen: page.map((r) => toAflevering(r, gebeurtenissen.get(r.signaal_id), (perAflevering.get(r.id) ?? []).map((p) => ({
          tijdstip: p.tijdstip, httpStatus: p.http_status, fout: p.fout, duurMs: p.duur_ms,
        })))),
        volgende: rows.length > q.limiet && last ? maakCursor(last) : null,
      }
    },

    /** Puts one dead letter back in the queue with a fresh retry schedule. */
    async opnieuw(oin: string, id: string, afleveringId: string): Promise<{ id: string; status: AfleveringStatus; volgendePoging: string }> {
      actief(await eigen(oin, id))
      const a = await db.selectFrom('afleveringen').select(['id', 'status']).where('id', '=', afleveringId).where('abonnement_id', '=', id).executeTakeFirst()
      if (!a) throw new AppError('not-found', 'aflevering.onbekend', 'deze aflevering hoort niet bij dit abonnement')
      if (a.status !== 'dood') throw new AppError('conflict', 'aflevering.niet-dood', `alleen een dode brief kan opnieuw worden aangeboden; deze is '${a.status}'`)
      const volgendePoging = now()
      await db.updateTable('afleveringen').set({ status: 'wachtend', reden: null, pogingen: 0, volgende_poging: volgendePoging })
        .where('id', '=', afleveringId).where('status', '=', 'dood').execute()
      wake()
      return { id: afleveringId, status: 'wachtend', volgendePoging }
    },

    /** Puts every dead letter of the subscription back in the queue. */
    async allesOpnieuw(oin: string, id: string): Promise<{ aantal: number }> {
      actief(await eigen(oin, id))
      const r = await db.updateTable('afleveringen').set({ status: 'wachtend', reden: null, pogingen: 0, volgende_poging: now() })
        .where('abonnement_id', '=', id).where('status', '=', 'dood').executeTakeFirst()
      wake()
      return { aantal: Number(r.numUpdatedRows) }
    },
  }
}

export type AbonnementenService = ReturnType<typeof createAbonnementenService>

function actief(row: AbonnementRow): void {
  if (row.opgezegd) throw new AppError('conflict', 'abonnement.opgezegd', 'dit abonnement is opgezegd; maak een nieuw abonnement')
}

const toAflevering = (r: AfleveringRow, gebeurtenis: { type: string; subject: string } | undefined, pogingen: Afleverpoging[]): Aflevering => ({
  id: r.id, signaalId: r.onderwerp === 'signaal' ? r.signaal_id : null,
  onderwerp: { soort: r.onderwerp, id: r.signaal_id, ...(r.onderwerp === 'gebeurtenis' ? gebeurtenis : {}) }, status: r.status, reden: r.reden, aantalPogingen: r.pogingen,
  volgendePoging: r.status === 'wachtend' ? r.volgende_poging : null, aangemaakt: r.aangemaakt, afgeleverd: r.afgeleverd, pogingen,
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const maakCursor = (r: AfleveringRow) => maakTijdCursor(r.aangemaakt, r.id)

function leesCursor(text: string): [string, string] {
  const paar = leesTijdCursor(text, UUID)
  if (paar) return paar
  throw new AppError('invalid', 'abonnement.cursor-ongeldig', 'na: ongeldige cursor; gebruik de waarde van "volgende" uit het vorige antwoord',
    [{ name: 'na', code: 'cursor-ongeldig', reason: 'ongeldige cursor' }])
}

interface Invoer { url: unknown; producten: string[]; soorten?: string[]; inhoud: AbonnementInhoud }

/** Checks the body and lists every problem at once; the organisation must take every product it subscribes to. */
function valideer(ctx: HubContext, principal: Principal, body: unknown, berichten: Readonly<Record<string, readonly string[]>> | undefined): Invoer {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const p: InvalidParam[] = []
  for (const k of Object.keys(b)) if (!['url', 'producten', 'soorten', 'inhoud'].includes(k)) p.push({ name: k, code: 'veld-onbekend', reason: `onbekend veld '${k}'` })
  const producten = tekstLijst(b.producten, 'producten', p, true)
  const bekend = ctx.register.productNamen()
  for (const product of producten ?? []) {
    if (!bekend.includes(product)) p.push({ name: 'producten', code: 'product-onbekend', reason: `product '${product}' bestaat niet` })
    else if (!principal.producten.includes(product)) p.push({ name: 'producten', code: 'product-niet-afgenomen', reason: `uw organisatie (of deze client) neemt product '${product}' niet af` })
  }
  // An empty list would match nothing: a subscription that never delivers. Leave `soorten` out for every kind.
  const soorten = b.soorten === undefined || b.soorten === null ? undefined : tekstLijst(b.soorten, 'soorten', p, true)
  for (const s of soorten ?? []) if (!SOORT.test(s)) p.push({ name: 'soorten', code: 'soort-ongeldig', reason: `'${s}' is geen geldige signaalsoort (kleine letters, cijfers en -)` })
  if (berichten && producten) {
    // A subscription that could never deliver anything is a mistake, not a wish: say so now, not never.
    for (const product of producten) if (bekend.includes(product) && !berichten[product])
      p.push({ name: 'producten', code: 'product-zonder-berichten', reason: `product '${product}' stuurt geen signalen of meldingen; producten met berichten: ${Object.keys(berichten).join(', ')}` })
    const mogelijk = [...new Set(producten.flatMap((product) => berichten[product] ?? []))]
    for (const s of soorten ?? []) if (SOORT.test(s) && mogelijk.length && !mogelijk.includes(s))
      p.push({ name: 'soorten', code: 'soort-onbekend', reason: `'${s}' is geen soort van ${producten.join(', ')}; kies uit ${mogelijk.join(', ')}` })
  }
  const inhoud = b.inhoud ?? 'volledig'
  if (inhoud !== 'volledig' && inhoud !== 'verwijzing') p.push({ name: 'inhoud', code: 'inhoud-ongeldig', reason: "inhoud is 'volledig' of 'verwijzing'" })
  if (typeof b.url !== 'string' || !b.url) p.push({ name: 'url', code: 'verplicht', reason: 'url ontbreekt' })
  if (p.length) {
    const forbidden = p.every((x) => x.code === 'product-niet-afgenomen')
    throw forbidden
      ? new AppError('forbidden', 'abonnement.product-niet-afgenomen', 'uw organisatie neemt niet elk gevraagd product af', p)
      : new AppError('invalid', 'abonnement.ongeldig', 'het abonnement is ongeldig', p)
  }
  return { url: b.url, producten: [...new Set(producten)], ...(soorten ? { soorten: [...new Set(soorten)] } : {}), inhoud: inhoud as AbonnementInhoud }
}

function tekstLijst(v: unknown, name: string, p: InvalidParam[], verplicht: boolean): string[] | undefined {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string') || (verplicht && v.length === 0) || v.length > 50) {
    p.push({ name, code: 'lijst-ongeldig', reason: `${name} moet een lijst van 1 tot 50 namen zijn` })
    return undefined
  }
  return v as string[]
}
