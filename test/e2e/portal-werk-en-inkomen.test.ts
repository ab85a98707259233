/**
 * The werk-en-inkomen pages of the portal walked as a user would, against a real hub with many records: more signals,
 * deliveries and dead letters than one page of the API holds, and a delivery with more rejected lines than the hub
 * stores. Each test here failed on the portal before its fix. One browser and one hub for the file.
 */
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { Page } from 'playwright-core'
import type { RouteModule } from '../../src/adapters/http/hub-context.js'
import { PRODUCT_PAGINAS } from '../../src/adapters/http/portal/navigation.js'
import { completeBsn } from '../../src/core/index.js'
import { createDeliveryModule } from '../../src/platform/delivery/index.js'
import { intakeModule, MAX_AFWIJZINGEN } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { samenloopModule } from '../../src/products/samenloop/index.js'
import { DEMO_WACHTWOORD, startPortalTestApp, type PortalTestApp } from '../support/portal-test-app.js'
import { skipZonderChromium, startPortalBrowser, type PortalBrowser } from '../support/browser.js'

const SHOTS = new URL('../../test-results/portaal-werk-en-inkomen/', import.meta.url).pathname
const POLIS_KOP = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren'

/** `n` valid BSNs (11-proef) from `start` on. */
function bsns(start: number, n: number): string[] {
  const uit: string[] = []
  for (let i = start; uit.length < n; i++) { const b = completeBsn(String(i)); if (b) uit.push(b) }
  return uit
}

describe('werk en inkomen in the portal, with more records than one page', { skip: skipZonderChromium }, () => {
  let app: PortalTestApp
  let pb: PortalBrowser
  let utrecht: { oin: PortalTestApp['oins'][string]; clientId: string; clientSecret: string }
  let uwv: typeof utrecht

  before(async () => {
    const modules: RouteModule[] = [populatieModule, intakeModule, samenloopModule, createDeliveryModule({ allowPrivateUrls: true, retrySchedule: [], pollMs: 100 })]
    app = await startPortalTestApp({ modules, paginas: PRODUCT_PAGINAS })
    pb = await startPortalBrowser(() => app.url, SHOTS)
    const { access } = app.hub.hub.ctx
    utrecht = { oin: app.oins.utrecht!, ...(await access.maakClient({ oin: app.oins.utrecht!, naam: 'Suite', scopes: ['samenloop'], rollen: ['inkomen'] })) }
    uwv = { oin: app.oins.uwv!, ...(await access.maakClient({ oin: app.oins.uwv!, naam: 'UWV-systeem', scopes: [], rollen: ['bron'] })) }
  })
  after(async () => {
    await pb?.close()
    await app?.[Symbol.asyncDispose]()
  })
  afterEach((t) => pb.afterEach(t.name))

  const laden = (page: Page) => page.getByRole('status').filter({ hasText: 'Bezig met laden' }).waitFor({ state: 'detached' })

  /**
   * inkomen@utrecht's inbox filtered on `maand` (and `status`), applied again until `klaar` holds: matching runs in
   * the background, so the signals of a polis delivery come a moment after it.
   */
  async function inboxOpMaand(maand: string, klaar: (page: Page) => Promise<boolean>, status?: string): Promise<Page> {
    const page = await pb.newPage()
    await pb.login(page, 'inkomen@utrecht', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/signalen`)
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor()
    await page.getByLabel('Maand waarop het signaal gaat').fill(maand)
    if (status) await page.getByLabel('Status').selectOption(status)
    for (let i = 0; i < 50; i++) {
      await page.getByRole('button', { name: 'Filter toepassen' }).click()
      await laden(page)
      if (await klaar(page)) break
      await page.waitForTimeout(200)
    }
    return page
  }

  async function populatie(lijst: readonly string[]): Promise<void> {
    const res = await app.hub.as(utrecht).inject({
      method: 'PUT', url: '/api/v1/populaties/samenloop', headers: { 'content-type': 'text/csv' },
      payload: `bsn;ingangsdatum;einddatum;referentie\n${lijst.map((b, i) => `${b};2025-01-01;;R-${i}`).join('\n')}\n`,
    })
    assert.equal(res.statusCode, 200, res.body)
  }

  async function polis(leveringId: string, lijst: readonly string[], maand = '2026-01'): Promise<void> {
    const res = await app.hub.as(uwv).inject({
      method: 'POST', url: '/api/v1/bronnen/uwv-polis/leveringen', headers: { 'content-type': 'text/csv', 'levering-id': leveringId },
      payload: `${POLIS_KOP}\n${lijst.map((b, i) => `${b};${maand};IKV-${leveringId}-${i};123456789L01;Bakkerij ${i};loon;185000;32000;80`).join('\n')}\n`,
    })
    assert.equal(res.statusCode, 201, res.body)
  }

  async function wachtOp<T>(wat: string, lees: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const v = await lees()
      if (v !== undefined) return v
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`gewacht op ${wat}`)
  }

  test('abonnementen: every delivery and dead letter can be seen, also beyond the first page of 50; a cancelled subscription offers no resend', async () => {
    const lijst = bsns(50_000_000, 55)
    await populatie(lijst)
    const ab = await app.hub.as(utrecht).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: { url: 'http://127.0.0.1:9/webhooks', producten: ['samenloop'] } })
    assert.equal(ab.statusCode, 201, ab.body)
    const id = (ab.json() as { id: string }).id
    await polis('polis-dood', lijst)
    await wachtOp('55 afleveringen', async () => {
      const r = await app.hub.as(utrecht).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/afleveringen?limiet=500` })
      return (r.json() as { afleveringen: unknown[] }).afleveringen.length === 55 ? true : undefined
    })
    // Opzeggen makes every waiting delivery a dead letter.
    assert.equal((await app.hub.as(utrecht).inject({ method: 'DELETE', url: `/api/v1/abonnementen/${id}` })).statusCode, 204)

    const page = await pb.newPage()
    await pb.login(page, 'inkomen@utrecht', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/abonnementen`)
    await page.getByRole('heading', { level: 1, name: 'Abonnementen' }).waitFor()
    await laden(page)
    await page.getByRole('button', { name: 'Afleveringen tonen' }).click()
    const doden = page.getByRole('region', { name: 'Onbestelbare berichten' })
    const afleveringen = page.getByRole('region', { name: 'Afleveringen', exact: true })
    await doden.getByRole('row').nth(1).waitFor()
    for (const [regio, naam] of [[doden, 'onbestelbare berichten'], [afleveringen, 'afleveringen']] as const) {
      for (let i = 0; i < 5 && (await regio.getByRole('row').count()) < 56; i++) {
        const meer = page.getByRole('button', { name: `Meer ${naam} laden` })
        if (await meer.count() === 0) break
        await meer.click()
        await page.waitForTimeout(300)
      }
      assert.equal(await regio.getByRole('row').count(), 56, `all 55 ${naam} (and the header row) are shown`)
      assert.equal(await page.getByRole('button', { name: `Meer ${naam} laden` }).count(), 0, `no more ${naam} to load`)
      // The button went with the last page; keyboard focus moved to the line that says why, not to the page itself.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Alle 55 zijn geladen.', `focus after the last page of ${naam}`)
    }
    // The hub refuses to resend for a cancelled subscription (abonnement.opgezegd): no button that cannot work.
    assert.equal(await doden.getByRole('button', { name: /opnieuw versturen$/ }).count(), 0, 'no resend on a cancelled subscription')
    await pb.assertAccessible(page, 'abonnementen, alle onbestelbare berichten')
    await pb.shot(page, '01-abonnementen-alle-doden')
    await page.context().close()
  })

  test('signalen: the inbox lists signals in the order its heading states, over every page', async () => {
    const lijst = bsns(60_000_000, 31)
    const [jan, feb] = [lijst[0]!, lijst[30]!]
    await populatie(lijst)
    await polis('polis-jan', lijst.slice(0, 30))
    const leesSignalen = async () => {
      const r = await app.hub.as(utrecht).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop&limiet=1000' })
      return (r.json() as { signalen: Array<{ bsn: string }> }).signalen
    }
    await wachtOp('de januarisignalen', async () => ((await leesSignalen()).filter((s) => lijst.includes(s.bsn)).length === 30 ? true : undefined))
    await polis('polis-feb', [feb], '2026-02')
    const totaal = await wachtOp('het februarisignaal', async () => { const l = await leesSignalen(); return l.some((s) => s.bsn === feb) ? l.length : undefined })
    assert.ok(totaal > 25, 'more signals than one page of the inbox')

    const page = await pb.newPage()
    await pb.login(page, 'inkomen@utrecht', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/signalen`)
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor()
    await laden(page)
    const inbox = page.getByRole('region', { name: /^Signalen, de (nieuwste|oudste) eerst$/ }).last() // the table inside its section
    for (let i = 0; i < 10 && (await page.getByRole('button', { name: 'Meer signalen laden' }).count()) > 0; i++) {
      await page.getByRole('button', { name: 'Meer signalen laden' }).click()
      await page.getByRole('button', { name: 'Meer signalen laden' }).or(page.getByText(`${totaal} signalen getoond.`)).first().waitFor()
    }
    await page.getByText(`${totaal} signalen getoond.`).waitFor()
    const rijen = await inbox.getByRole('row').allInnerTexts()
    const naam = (await inbox.getAttribute('aria-label')) ?? ''
    const plaats = rijen.findIndex((r) => r.includes(feb))
    if (/nieuwste/.test(naam)) assert.equal(plaats, 1, `${naam}: the newest signal (februari) comes first`)
    else assert.equal(plaats, rijen.length - 1, `${naam}: the newest signal (februari) comes last`)
    assert.ok(rijen.findIndex((r) => r.includes(jan)) < plaats, 'januari was made before februari')
    await page.context().close()
  })

  test('leveringen: a delivery with more rejected lines than the hub lists gives the true count and says the list is cut short', async () => {
    const aantal = MAX_AFWIJZINGEN + 5
    const regels = Array.from({ length: aantal }, (_, i) => `123456789;2026-01;IKV-${i};123456789L01;Bakkerij;loon;100;0;1`)
    const page = await pb.newPage()
    await pb.login(page, 'bron@uwv', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/leveringen`)
    await page.getByRole('heading', { level: 1, name: 'Leveringen' }).waitFor()
    await page.getByLabel('Bron', { exact: true }).selectOption('uwv-polis')
    await page.getByLabel('Leveringskenmerk').fill('polis-vol-fouten')
    await page.getByLabel('Leveringsbestand (CSV)').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(`${POLIS_KOP}\n${regels.join('\n')}\n`) })
    await page.getByRole('button', { name: 'Levering versturen' }).click()
    await page.getByRole('heading', { name: 'Levering polis-vol-fouten is ontvangen' }).waitFor({ timeout: 60_000 })
    const samenvatting = await page.locator('.utrecht-alert').filter({ hasText: 'polis-vol-fouten' }).innerText()
    assert.match(samenvatting, new RegExp(`Afgewezen\\s+${aantal}\\b`), 'the number of rejected lines is the true number')
    await page.getByText(`Alleen de eerste ${MAX_AFWIJZINGEN.toLocaleString('nl-NL')} afgewezen regels staan hieronder`).first().waitFor()
    // The stored report says the same.
    await page.getByRole('button', { name: 'Verslag bekijken van levering polis-vol-fouten' }).click()
    await page.getByRole('heading', { level: 3, name: 'Verslag van levering polis-vol-fouten' }).waitFor()
    await page.getByText(`Alleen de eerste ${MAX_AFWIJZINGEN.toLocaleString('nl-NL')} afgewezen regels staan hieronder`).nth(1).waitFor()
    await page.context().close()
  })

  test('signalen: a signal reported back shows its new status in the inbox and leaves the inbox filtered on Nieuw', async () => {
    const [een, twee] = bsns(70_000_000, 2) as [string, string]
    await populatie([een, twee])
    await polis('polis-maart', [een, twee], '2026-03')
    const inboxVan = (page: Page) => page.getByRole('region', { name: 'Signalen, de oudste eerst' }).last()
    const page = await inboxOpMaand('2026-03', async (p) => (await inboxVan(p).getByRole('row').count()) === 3, 'nieuw')
    const inbox = inboxVan(page)
    assert.equal(await inbox.getByRole('row').count(), 3, 'two new signals for maart')
    await inbox.getByRole('row').filter({ hasText: een }).getByRole('link').click()
    await page.getByRole('heading', { level: 1, name: 'Signaal: Inkomsten' }).waitFor()
    await page.getByLabel('Onterecht: het signaal klopte niet', { exact: true }).check()
    await page.getByRole('button', { name: 'Terugmelding versturen' }).click()
    await page.getByText('Uw terugmelding is ontvangen: onterecht.').waitFor()
    await page.getByRole('link', { name: 'Terug naar alle signalen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor()
    assert.equal(await page.getByLabel('Status').inputValue(), 'nieuw')
    await page.getByText('1 signaal getoond.').waitFor({ timeout: 5_000 })
    assert.deepEqual((await inbox.getByRole('row').allInnerTexts()).slice(1).map((r) => r.includes(twee)), [true], 'only the signal not yet reported back')
    await pb.assertAccessible(page, 'signalen, na terugmelding')
    await page.context().close()
  })

  test('signalen: a signal already reported back shows the outcome instead of a form the hub would refuse', async () => {
    const [bsn] = bsns(80_000_000, 1) as [string]
    await populatie([bsn])
    await polis('polis-april', [bsn], '2026-04')
    const signaal = await wachtOp('het aprilsignaal', async () => {
      const r = await app.hub.as(utrecht).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop&periode=2026-04' })
      return (r.json() as { signalen: Array<{ id: string; bsn: string }> }).signalen.find((s) => s.bsn === bsn)
    })
    const terug = await app.hub.as(utrecht).inject({ method: 'POST', url: `/api/v1/signalen/${signaal.id}/terugmelding`, payload: { uitkomst: 'terecht' } })
    assert.equal(terug.statusCode, 200, terug.body)

    const page = await pb.newPage()
    await pb.login(page, 'inkomen@utrecht', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/signalen?signaal=${signaal.id}`)
    await page.getByRole('heading', { level: 1, name: 'Signaal: Inkomsten' }).waitFor()
    const sectie = page.getByRole('region', { name: 'Terugmelden' })
    await sectie.getByText('Voor dit signaal is al teruggemeld: terecht.').waitFor({ timeout: 5_000 })
    assert.equal(await sectie.getByRole('button', { name: 'Terugmelding versturen' }).count(), 0, 'no form the hub refuses (409)')
    await pb.assertAccessible(page, 'signaal, al teruggemeld')

    // An id the hub does not know (or another gemeente's): the hub's words, not "the address was mistyped".
    await page.goto(`${app.url}/signalen?signaal=00000000-0000-4000-8000-000000000000`)
    await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor()
    await page.getByText('Knooppunt zegt: signaal niet gevonden. Ga terug naar de lijst en kies opnieuw.').waitFor()
    assert.equal(await page.getByText('Pagina niet gevonden').count(), 0)
    await pb.assertAccessible(page, 'signaal, onbekend')
    await page.context().close()
  })

  // One dead letter resent with its own button, and two with "Alle … opnieuw versturen" (the hub's bulk resend).
  for (const v of [
    { naam: 'a dead letter is resent', aantal: 1, start: 90_000_000, maand: '2026-05', knop: /opnieuw versturen$/, klaar: 'Het bericht staat weer klaar om te worden afgeleverd.' },
    { naam: 'every dead letter is resent at once', aantal: 2, start: 91_000_000, maand: '2026-11', knop: 'Alle onbestelbare berichten opnieuw versturen', klaar: '2 berichten staan weer klaar om te worden afgeleverd.' },
  ]) {
    test(`abonnementen: ${v.naam} from the portal and then delivered`, async () => {
      // A receiver that is down (503) until the test repairs it.
      let hersteld = false
      const ontvangen: string[] = []
      const ontvanger: Server = createServer((req, res) => {
        req.resume()
        req.on('end', () => { if (hersteld) ontvangen.push(String(req.headers['webhook-id'])); res.writeHead(hersteld ? 204 : 503).end() })
      })
      await new Promise<void>((r) => ontvanger.listen(0, '127.0.0.1', r))
      try {
        const poort = (ontvanger.address() as { port: number }).port
        const lijst = bsns(v.start, v.aantal)
        await populatie(lijst)
        const ab = await app.hub.as(utrecht).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: { url: `http://127.0.0.1:${poort}/webhooks`, producten: ['samenloop'] } })
        assert.equal(ab.statusCode, 201, ab.body)
        const id = (ab.json() as { id: string }).id
        await polis(`polis-${v.maand}`, lijst, v.maand)
        await wachtOp('de dode brieven', async () => {
          const r = await app.hub.as(utrecht).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dode-brieven` })
          return (r.json() as { afleveringen: unknown[] }).afleveringen.length === v.aantal ? true : undefined
        })
        hersteld = true

        const page = await pb.newPage()
        await pb.login(page, 'inkomen@utrecht', DEMO_WACHTWOORD)
        await page.goto(`${app.url}/abonnementen`)
        await page.getByRole('heading', { level: 1, name: 'Abonnementen' }).waitFor()
        await laden(page)
        const kaart = page.getByRole('article').filter({ hasText: `127.0.0.1:${poort}` })
        await kaart.getByRole('button', { name: 'Afleveringen tonen' }).click()
        const doden = kaart.getByRole('region', { name: 'Onbestelbare berichten' })
        await doden.getByText('HTTP 503').nth(v.aantal - 1).waitFor()
        await pb.assertAccessible(page, `abonnementen, ${v.aantal} dode brieven`)
        await kaart.getByRole('button', { name: v.knop }).click()
        await kaart.getByText(v.klaar).waitFor()
        await kaart.getByText('Er zijn geen onbestelbare berichten.').waitFor()
        await wachtOp('de afleveringen', async () => (ontvangen.length === v.aantal ? true : undefined))
        await kaart.getByRole('button', { name: 'Afleveringen verbergen' }).click()
        await kaart.getByRole('button', { name: 'Afleveringen tonen' }).click()
        const afleveringen = kaart.getByRole('region', { name: 'Afleveringen', exact: true })
        await afleveringen.getByText('HTTP 204').nth(v.aantal - 1).waitFor()
        assert.equal(await afleveringen.getByText('Afgeleverd').count(), v.aantal)
        await pb.assertAccessible(page, `abonnementen, ${v.aantal} opnieuw afgeleverd`)
        if (v.aantal === 1) await pb.shot(page, '02-abonnementen-opnieuw-afgeleverd')
        await page.context().close()
      } finally {
        await new Promise((r) => ontvanger.close(r))
      }
    })
  }

  test('leveringen: a source with more deliveries than one page of the hub (100) reaches the older ones with "meer laden"', async () => {
    // rdw-voertuigen: a source no other test here delivers.
    for (let i = 1; i <= 101; i++) {
      const res = await app.hub.as(uwv).inject({
        method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/leveringen', headers: { 'content-type': 'text/csv', 'levering-id': `rdw-${String(i).padStart(3, '0')}` },
        payload: 'bsn;kenteken;datumAanvang;datumEinde;dagwaardeCent\n',
      })
      assert.ok(res.statusCode < 300, res.body)
    }
    const page = await pb.newPage()
    await pb.login(page, 'bron@uwv', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/leveringen`)
    await page.getByRole('heading', { level: 1, name: 'Leveringen' }).waitFor()
    await page.getByLabel('Bron', { exact: true }).selectOption('rdw-voertuigen')
    const lijst = page.getByRole('region', { name: 'Eerdere leveringen van rdw-voertuigen' }).last()
    await lijst.getByRole('row').nth(100).waitFor()
    assert.equal(await lijst.getByRole('cell', { name: 'rdw-001', exact: true }).count(), 0, 'the oldest is on the next page')
    await page.getByRole('button', { name: 'Meer leveringen laden' }).click()
    await lijst.getByRole('cell', { name: 'rdw-001', exact: true }).waitFor({ timeout: 5_000 })
    assert.equal(await lijst.getByRole('row').count(), 102, 'a header row and all 101 deliveries, each once')
    assert.equal(await page.getByRole('button', { name: 'Meer leveringen laden' }).count(), 0, 'no button after the last page')
    await pb.assertAccessible(page, 'leveringen, tweede pagina')
    await page.context().close()
  })

  test('populatie: a file with a BOM, CRLF line ends and one bad line is refused with that line, in correct Dutch', async () => {
    const [goed] = bsns(95_000_000, 1) as [string]
    const page = await pb.newPage()
    await pb.login(page, 'inkomen@utrecht', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/populatie`)
    await page.getByRole('heading', { level: 1, name: 'Populatie uploaden' }).waitFor()
    await page.getByLabel('Samenloop (bijstand)').check()
    const inhoud = `\uFEFF${['bsn;ingangsdatum;einddatum;referentie', `${goed};2025-01-01;;R-1`, '123456789;2025-01-01;;R-2', ''].join('\r\n')}`
    await page.getByLabel('Populatiebestand (CSV)').setInputFiles({ name: 'crlf.csv', mimeType: 'text/csv', buffer: Buffer.from(inhoud) })
    await page.getByRole('button', { name: 'Populatie uploaden' }).click()
    await page.getByRole('heading', { name: 'crlf.csv is niet verwerkt' }).waitFor()
    const rapport = page.getByRole('region', { name: 'Foutrapport per regel' })
    assert.deepEqual((await rapport.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t')[0]), ['3'], 'only line 3 (the BOM and CR are not errors)')
    await page.getByText('Het bestand bevat 1 fout.', { exact: false }).waitFor({ timeout: 5_000 })
    await pb.assertAccessible(page, 'populatie, één fout')
    await page.context().close()
  })

  test('signalen: "Filter toepassen" asks the hub again, so signals that arrived since show up', async () => {
    const [bsn] = bsns(96_000_000, 1) as [string]
    await populatie([bsn])
    const page = await pb.newPage()
    await pb.login(page, 'inkomen@utrecht', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/signalen`)
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor()
    await page.getByLabel('Maand waarop het signaal gaat').fill('2026-06')
    await page.getByRole('button', { name: 'Filter toepassen' }).click()
    await page.getByText('Er zijn geen signalen die aan de filters voldoen.').waitFor()
    await polis('polis-juni', [bsn], '2026-06')
    await wachtOp('het junisignaal', async () => {
      const r = await app.hub.as(utrecht).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop&periode=2026-06' })
      return (r.json() as { signalen: unknown[] }).signalen.length === 1 ? true : undefined
    })
    await page.getByRole('button', { name: 'Filter toepassen' }).click()
    await page.getByText('1 signaal getoond.').waitFor({ timeout: 5_000 })
    await page.context().close()
  })

  test('signalen: when the inbox cannot be read for new filters, the list of the old filters is not shown under them', async () => {
    const [bsn] = bsns(97_000_000, 1) as [string]
    await populatie([bsn])
    await polis('polis-juli', [bsn], '2026-07')
    const page = await inboxOpMaand('2026-07', async (p) => await p.getByText('1 signaal getoond.').count() === 1)
    await page.getByText('1 signaal getoond.').waitFor()
    // The session ends (here: the cookie is gone); the user then asks for another month.
    await page.context().clearCookies()
    await page.getByLabel('Maand waarop het signaal gaat').fill('2026-08')
    await page.getByRole('button', { name: 'Filter toepassen' }).click()
    await page.getByText('U bent niet meer ingelogd').waitFor()
    assert.equal(await page.getByRole('cell', { name: bsn }).count(), 0, 'the juli signal is not shown under the filter augustus')
    assert.equal(await page.getByText(/signalen? getoond\./).count(), 0, 'no count of a list that is not there')
    await pb.assertAccessible(page, 'signalen, sessie verlopen')
    await page.context().close()
  })

  test('signalen: a "meer laden" answer that arrives after new filters were applied is not added to their list', async () => {
    const lijst = bsns(98_000_000, 26)
    await populatie(lijst)
    await polis('polis-september', lijst, '2026-09')
    const page = await inboxOpMaand('2026-09', async (p) => await p.getByRole('button', { name: 'Meer signalen laden' }).count() === 1)
    // The next page is slow to come; meanwhile the user applies another month.
    await page.route('**/api/v1/signalen?*na=*', async (route) => { await new Promise((r) => setTimeout(r, 1_500)); await route.continue() })
    await page.getByRole('button', { name: 'Meer signalen laden' }).click()
    await page.getByLabel('Maand waarop het signaal gaat').fill('2026-10')
    await page.getByRole('button', { name: 'Filter toepassen' }).click()
    await page.getByText('Er zijn geen signalen die aan de filters voldoen.').waitFor()
    await page.waitForTimeout(2_500)
    assert.equal(await page.getByRole('cell', { name: /^\d{9}$/ }).count(), 0, 'no september signal under oktober')
    await page.getByText('Er zijn geen signalen die aan de filters voldoen.').waitFor({ timeout: 1_000 })
    await page.context().close()
  })

  test('leveringen: a source sees exactly the sources it may deliver, and can deliver each of them', async () => {
    const rvig = await app.hub.org('RvIG', 'bron', { rollen: ['bron'], bronnen: ['brp-mutaties', 'brp-personen'] })
    await app.hub.hub.ctx.access.maakGebruiker({ gebruikersnaam: 'bron@rvig', naam: 'Ruud Vig', wachtwoord: DEMO_WACHTWOORD, oin: rvig.oin, rollen: ['bron'] })
    const page = await pb.newPage()
    await pb.login(page, 'bron@rvig', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/leveringen`)
    await page.getByRole('heading', { level: 1, name: 'Leveringen' }).waitFor()
    await laden(page)
    const keuze = page.getByLabel('Bron', { exact: true })
    assert.deepEqual(await keuze.locator('option').allInnerTexts(), ['brp-mutaties', 'brp-personen'], 'the sources RvIG may deliver')
    await page.getByText('Uw organisatie heeft voor deze bron nog niets geleverd.').waitFor({ timeout: 5_000 })
    assert.equal(await page.getByText('Geen toegang').count(), 0, 'no refusal on opening the page')
    await keuze.selectOption('brp-personen')
    await page.getByLabel('Leveringskenmerk').fill('brp-personen-1')
    await page.getByLabel('Leveringsbestand (CSV)').setInputFiles({ name: 'brp.csv', mimeType: 'text/csv', buffer: Buffer.from(
      'bsn;voornamen;voorvoegsel;geslachtsnaam;geboortedatum;geslacht;huishoudenId;rolInHuishouden;straat;huisnummer;postcode;gemeentecode;status;statusdatum\n'
      + `${bsns(99_000_000, 1)[0]};Sanne;van;Dijk;1980-05-01;V;HH-1;hoofd;Oudegracht;12;3511AB;0344;ingezetene;\n`) })
    await page.getByRole('button', { name: 'Levering versturen' }).click()
    await page.getByRole('heading', { name: 'Levering brp-personen-1 is ontvangen' }).waitFor()
    await pb.assertAccessible(page, 'leveringen, rvig')
    await page.context().close()
  })
})
