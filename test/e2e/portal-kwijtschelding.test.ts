/**
 * The kwijtschelding pages of the portal in a real browser (Debian chromium driven by playwright-core) against a real
 * hub with the population, intake and kwijtschelding modules: the belastingen user sets the norms (a bad value gives a
 * field error, a good one shows in the history), and runs the yearly verlenging as a batch, which shows an advice per
 * BSN from data the sources delivered for the gemeente's kwijtschelding population. axe-core (WCAG 2.1 A and AA) must
 * find nothing; screenshots go to test-results/portaal-kwijtschelding/.
 */
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { PRODUCT_PAGINAS } from '../../src/adapters/http/portal/navigation.js'
import { completeBsn } from '../../src/core/index.js'
import { BRON_FORMATEN } from '../../src/platform/intake/formats/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { kwijtscheldingModule } from '../../src/products/kwijtschelding/index.js'
import { DEMO_WACHTWOORD, startPortalTestApp, type PortalTestApp } from '../support/portal-test-app.js'
import { skipZonderChromium, startPortalBrowser, type PortalBrowser } from '../support/browser.js'

const SHOTS = new URL('../../test-results/portaal-kwijtschelding/', import.meta.url).pathname
const skip = skipZonderChromium

/** A clean recipient (verlengen), one with a car above the limit (opnieuw beoordelen), one outside the population. */
const bsn = (n: number): string => {
  for (let i = n; ; i++) { const b = completeBsn(String(52_000_000 + i * 17)); if (b) return b }
}
const SCHOON = bsn(1)
const AUTO = bsn(100)
const BUITEN = bsn(200)

describe('portal kwijtschelding pages in the browser', { skip }, () => {
  let app: PortalTestApp
  let pb: PortalBrowser

  before(async () => {
    app = await startPortalTestApp({ modules: [populatieModule, intakeModule, kwijtscheldingModule], paginas: PRODUCT_PAGINAS })
    pb = await startPortalBrowser(() => app.url, SHOTS)
  })
  after(async () => {
    await pb?.close()
    await app?.[Symbol.asyncDispose]()
  })

  afterEach((t) => pb.afterEach(t.name))

  const newPage = () => pb.newPage()

  const assertAccessible = (page: Page, label: string) => pb.assertAccessible(page, label)

  const shot = (page: Page, name: string) => pb.shot(page, name)
  const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')

  const login = (page: Page, gebruikersnaam: string) => pb.login(page, gebruikersnaam, DEMO_WACHTWOORD)

  async function open(page: Page, titel: string): Promise<void> {
    await menu(page).getByText(titel, { exact: true }).click()
    await page.getByRole('heading', { level: 1, name: titel }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Bezig met laden' }).waitFor({ state: 'detached' })
  }

  test('norms: the belastingen user sees the page; a bad percentage is a field error, a good version shows in the history', async () => {
    const page = await newPage()
    await login(page, 'belastingen@utrecht')
    assert.ok((await menu(page).allTextContents()).includes('Kwijtscheldingsnormen'), 'in the menu of the belastingen role')
    await open(page, 'Kwijtscheldingsnormen')
    await page.getByText('Uw organisatie heeft nog geen normen vastgelegd').waitFor()

    await page.getByLabel('Geldig vanaf').fill('2025-01-01')
    await page.getByLabel('Kosten van bestaan (percentage van de bijstandsnorm)').fill('85')
    await page.getByLabel('Vermogensbuffer alleenstaande', { exact: true }).fill('2.000,00')
    await page.getByLabel('Vermogensbuffer alleenstaande ouder').fill('2500')
    await page.getByLabel('Vermogensbuffer gehuwden en samenwonenden').fill('3000,00')
    await page.getByRole('button', { name: 'Normen vastleggen' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer de volgende velden' })
    await summary.waitFor()
    await summary.getByRole('link', { name: /Kosten van bestaan.*90 tot en met 100/ }).waitFor()
    assert.equal(await page.getByLabel('Kosten van bestaan (percentage van de bijstandsnorm)').getAttribute('aria-invalid'), 'true')
    await assertAccessible(page, 'normen, veldfout')
    await shot(page, '01-normen-veldfout')

    // A value only the hub refuses (a buffer above its maximum): its invalidParams land at the field too.
    await page.getByLabel('Kosten van bestaan (percentage van de bijstandsnorm)').fill('95')
    await page.getByLabel('Vermogensbuffer gehuwden en samenwonenden').fill('20.000.000,00')
    await page.getByRole('button', { name: 'Normen vastleggen' }).click()
    await summary.getByRole('link', { name: /^Vermogensbuffer gehuwden en samenwonenden: / }).waitFor()
    assert.equal(await page.getByLabel('Vermogensbuffer gehuwden en samenwonenden').getAttribute('aria-invalid'), 'true')
    assert.equal(await page.getByLabel('Kosten van bestaan (percentage van de bijstandsnorm)').getAttribute('aria-invalid'), null)

    await page.getByLabel('Vermogensbuffer gehuwden en samenwonenden').fill('3000,00')
    await page.getByLabel('Woningbezit').uncheck()
    await page.getByRole('button', { name: 'Normen vastleggen' }).click()
    await page.getByText(/Versie \d+ is vastgelegd en geldt vanaf 1 januari 2025\./).waitFor()
    const historie = page.getByRole('region', { name: 'Alle versies' })
    const rij = historie.getByRole('row').filter({ hasText: '1 januari 2025' })
    await rij.getByText('95 % van de bijstandsnorm').waitFor()
    await rij.getByText('alleenstaande € 2.000,00').waitFor()
    await rij.getByText('€ 3.350,00').waitFor() // the standard vehicle limit, the field was left empty
    assert.ok(!(await rij.textContent())!.includes('Woningbezit'), 'the switched-off check is not listed')
    await rij.getByText('In gebruik').waitFor()
    // The hub stored exactly what was typed, in cents.
    const normen = await app.hub.hub.ctx.database.db.withTables<{ kws_normen: { oin: string; instellingen: string } }>()
      .selectFrom('kws_normen').select('instellingen').where('oin', '=', app.oins.utrecht!).execute()
    const n = JSON.parse(normen.at(-1)!.instellingen) as Record<string, unknown>
    assert.deepEqual([n.kostenVanBestaanPercentage, n.vermogensbufferAlleenstaandeCent, n.vermogensbufferAlleenstaandeOuderCent, n.vermogensbufferGehuwdCent, n.voertuigGrensCent],
      [95, 200000, 250000, 300000, 335000])
    assert.deepEqual(n.toetsen, { inkomen: true, vermogen: true, voertuig: true, woningbezit: false, ondernemerschap: true })

    // The same geldigVan again replaces that version; the old one stays in the history as replaced.
    await page.getByLabel('Kosten van bestaan (percentage van de bijstandsnorm)').fill('100')
    await page.getByLabel('Woningbezit').check()
    await page.getByRole('button', { name: 'Normen vastleggen' }).click()
    await historie.getByText(/Vervangen op/).waitFor()
    await historie.getByText('100 % van de bijstandsnorm').waitFor()
    await assertAccessible(page, 'normen, historie')
    await shot(page, '02-normen-historie')
    await page.context().close()
  })

  /** The gemeente's population and the sources' deliveries (through the API: the portal's population page serves `inkomen`). */
  async function populatieEnLeveringen(): Promise<void> {
    const c = await app.hub.hub.ctx.access.maakClient({ oin: app.oins.utrecht!, naam: 'Belastingpakket', scopes: ['kwijtschelding'], rollen: ['belastingen'] })
    const gemeente = app.hub.as({ oin: app.oins.utrecht!, ...c })
    const pop = await gemeente.inject({
      method: 'PUT', url: '/api/v1/populaties/kwijtschelding', headers: { 'content-type': 'text/csv' },
      payload: `bsn;ingangsdatum;einddatum;referentie\n${SCHOON};2025-01-01;;KWS-2025-001\n${AUTO};2025-01-01;;KWS-2025-002\n`,
    })
    assert.equal(pop.statusCode, 200, pop.body)
    const bron = app.hub.as(await app.hub.org('Bronnen', 'bron', { rollen: ['bron'] }))
    const leveringen: Record<string, string[]> = {
      'brp-personen': [SCHOON, AUTO, BUITEN].map((b, i) => `${b};Inwoner;;Nummer${i};1980-05-01;V;HH-${i};hoofd;Oudegracht;${i + 1};3511AB;0344;ingezetene;`),
      'uwv-polis': [SCHOON, AUTO].flatMap((b) => ['2025-09', '2025-10', '2025-11', '2025-12'].map((m) => `${b};${m};IKV-${b};123456789L01;Schoonmaak Utrecht;loon;90000;0;60`)),
      'rdw-voertuigen': [`${AUTO};AB-123-C;2020-01-01;;800000`],
    }
    for (const [naam, regels] of Object.entries(leveringen)) {
      const r = await bron.inject({
        method: 'POST', url: `/api/v1/bronnen/${naam}/leveringen`, headers: { 'content-type': 'text/csv', 'levering-id': `${naam}-portaal` },
        payload: `${BRON_FORMATEN.get(naam)!.kolommen.join(';')}\n${regels.join('\n')}\n`,
      })
      assert.ok(r.statusCode < 300, r.body)
    }
  }

  test('verlenging: a batch of last year\'s recipients shows an advice per BSN, with the reasons', async () => {
    await populatieEnLeveringen()
    const page = await newPage()
    await login(page, 'belastingen@utrecht')
    await open(page, 'Kwijtschelding')
    await page.getByLabel('Jaarlijkse verlenging (ontvangers van vorig jaar)').check()
    await page.getByLabel('Bestand met inwoners (CSV)').setInputFiles({
      name: 'verlenging-2026.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`bsn;peildatum\n${SCHOON};2026-01-01\n${AUTO};2026-01-01\n${BUITEN};2026-01-01\n`),
    })
    await page.getByRole('button', { name: 'Bestand toetsen' }).click()
    await page.getByText('Klaar: 3 getoetst.').waitFor({ timeout: 30_000 })
    const tabel = page.getByRole('region', { name: 'Uitkomst per inwoner' })
    await tabel.getByRole('columnheader', { name: 'Advies bij verlenging' }).waitFor()
    await tabel.getByRole('row').filter({ hasText: SCHOON }).getByText('Verlengen', { exact: true }).waitFor()
    const auto = tabel.getByRole('row').filter({ hasText: AUTO })
    await auto.getByText('Opnieuw beoordelen', { exact: true }).waitFor()
    await auto.getByText('Waarom: auto boven de grens.').waitFor()
    await auto.getByText(/rdw-voertuigen, levering rdw-voertuigen-portaal, regel 2/).waitFor()
    // Outside the population: no data, said plainly, and the advice is to look again.
    const buiten = tabel.getByRole('row').filter({ hasText: BUITEN })
    await buiten.getByText(/staat niet in de kwijtscheldingspopulatie van uw organisatie/).waitFor()
    await buiten.getByText('Waarom: de toets kon niet worden uitgevoerd.').waitFor()
    await assertAccessible(page, 'verlenging, resultaten')
    await shot(page, '03-verlenging-advies')
    await page.context().close()
  })

  test('no script errors or CSP violations', () => {
    // Refused requests (400/404) are part of the flows above; Chrome logs those as failed resources.
    assert.deepEqual(pb.consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e)), [])
  })
})
