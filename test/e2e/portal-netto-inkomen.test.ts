/**
 * The netto inkomen / loonheffing calculator of the portal in a real browser (Debian chromium driven by
 * playwright-core) against a real hub with the netto-inkomen module: who sees the page, every step in plain Dutch,
 * errors on the right field, the refusal for a year without a table. axe-core (WCAG 2.1 A and AA) must find nothing.
 * Screenshots go to test-results/portaal-netto-inkomen/.
 */
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { PRODUCT_PAGINAS } from '../../src/adapters/http/portal/navigation.js'
import { nettoInkomenRoutes } from '../../src/products/netto-inkomen/index.js'
import { DEMO_WACHTWOORD, startPortalTestApp, type PortalTestApp } from '../support/portal-test-app.js'
import { skipZonderChromium, startPortalBrowser, type PortalBrowser } from '../support/browser.js'

const SHOTS = new URL('../../test-results/portaal-netto-inkomen/', import.meta.url).pathname

describe('portal netto inkomen calculator in the browser', { skip: skipZonderChromium }, () => {
  let app: PortalTestApp
  let pb: PortalBrowser

  before(async () => {
    app = await startPortalTestApp({ modules: [nettoInkomenRoutes], paginas: PRODUCT_PAGINAS })
    // The demo organisations of the shared fixture do not take the product; these two do here.
    await app.hub.hub.ctx.access.abonneer(app.oins.utrecht!, ['netto-inkomen'])
    await app.hub.hub.ctx.access.abonneer(app.oins.schuldeiser!, ['netto-inkomen'])
    pb = await startPortalBrowser(() => app.url, SHOTS)
  })
  after(async () => {
    await pb?.close()
    await app?.[Symbol.asyncDispose]()
  })
  afterEach((t) => pb.afterEach(t.name))

  const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')

  async function open(page: Page, gebruiker: string): Promise<void> {
    await pb.login(page, gebruiker, DEMO_WACHTWOORD)
    await menu(page).getByText('Netto inkomen', { exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Netto inkomen en loonheffing' }).waitFor()
  }

  test('the page is in the menu for the roles of OIB and the beslagvrije voet, not for others', async () => {
    const verwacht: Record<string, boolean> = { 'inkomen@utrecht': true, 'belastingen@utrecht': true, 'schuldhulp@utrecht': true, 'beslag@incasso': true, 'wmo@utrecht': false, 'privacy@utrecht': false }
    for (const [gebruiker, ziet] of Object.entries(verwacht)) {
      const page = await pb.newPage()
      await pb.login(page, gebruiker, DEMO_WACHTWOORD)
      assert.equal((await menu(page).allTextContents()).includes('Netto inkomen'), ziet, gebruiker)
      await page.context().close()
    }
    const page = await pb.newPage()
    await pb.login(page, 'wmo@utrecht', DEMO_WACHTWOORD)
    await page.goto(`${app.url}/netto-inkomen`)
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor()
    await page.context().close()
  })

  test('netto: a missing amount is named, the estimate shows every step, a benefit needs its loonheffing, a year without a table is refused', async () => {
    const page = await pb.newPage()
    await open(page, 'inkomen@utrecht')
    await page.getByLabel('Maand', { exact: true }).fill('2024-06')
    await page.getByRole('button', { name: 'Netto inkomen berekenen' }).click()
    const samenvatting = page.getByRole('alert').filter({ hasText: 'Controleer de volgende velden' })
    await samenvatting.waitFor()
    await samenvatting.getByText(/Inkomstenverhouding 1: brutoloon in de maand/).waitFor()
    assert.equal(await page.evaluate('document.activeElement?.getAttribute("role")'), 'alert', 'focus on the error summary')
    await pb.assertAccessible(page, 'netto, fouten')

    await page.getByLabel('Brutoloon in de maand').fill('2.911,99')
    await page.getByRole('button', { name: 'Netto inkomen berekenen' }).click()
    // Table 2024, row € 2.911,50: € 401,33 loonheffing; 2.911,99 − 401,33 = 2.510,66.
    await page.getByRole('heading', { level: 2, name: /^Het netto indicatief inkomen is €\s2\.510,66 per maand \(2024-06\)$/ }).waitFor()
    await page.getByText(/Knooppunt heeft die geschat met de witte maandtabel/).waitFor()
    // Amounts in the steps are euros under a Dutch name (the trace keys end in Cent), never raw cents.
    await page.getByText(/^brutoloon: €\s2\.911,99$/).first().waitFor()
    await page.getByText(/^andere werknemersinhoudingen: €\s0,00$/).waitFor()
    await page.getByRole('cell', { name: /^€\s401,33 \(geschat met de witte maandtabel\)$/ }).waitFor()
    await page.getByRole('heading', { level: 3, name: /^Stap 1: Het maandloon naar beneden afgerond op de regel van de witte maandtabel$/ }).waitFor()
    await page.getByRole('heading', { level: 3, name: /^Stap \d+: Algemene heffingskorting/ }).waitFor()
    await page.getByRole('cell', { name: /^9,32 %$/ }).first().waitFor()
    // Each parameter is shown in the unit the rules engine gives with it (cent, basispunten, factor), not guessed by name.
    const parameterRij = (naam: string) => page.getByRole('row').filter({ has: page.getByText(naam, { exact: true }) }).first()
    assert.match(await parameterRij('tabel.stap-maand').innerText(), /€\s4,50/)
    assert.match(await parameterRij('tarief.belasting-schijf1').innerText(), /\b9,32 %/)
    assert.match(await parameterRij('ahk.afbouwpercentage').innerText(), /\b0,06630\b/)
    assert.match(await parameterRij('ahk.maximum').innerText(), /€\s3\.362,00/)
    await pb.assertAccessible(page, 'netto, stappen')
    await pb.shot(page, '01-netto-stappen')

    // A second relation, a WW benefit, without its loonheffing: the hub refuses to estimate it with the wage table.
    await page.getByRole('button', { name: 'Nog een inkomstenverhouding toevoegen' }).click()
    await page.locator('#ikv-1-soortInkomen').selectOption('ww')
    await page.locator('#ikv-1-brutoloonCent').fill('1000')
    await page.getByRole('button', { name: 'Netto inkomen berekenen' }).click()
    await page.locator('#ikv-1-loonheffingCent-fout').getByText(/groene tabel/).waitFor()
    await pb.assertAccessible(page, 'netto, uitkering zonder loonheffing')
    await page.locator('#ikv-1-loonheffingCent').fill('200')
    await page.getByRole('button', { name: 'Netto inkomen berekenen' }).click()
    await page.getByRole('heading', { level: 2, name: /^Het netto indicatief inkomen is €\s3\.310,66 per maand \(2024-06\)$/ }).waitFor()
    await page.getByRole('heading', { level: 3, name: /^Stap \d+: Inkomstenverhouding 2, ww: brutoloon min loonheffing/ }).waitFor()
    // The sum names each relation in plain Dutch, not by the trace key (`inkomstenverhouding1Cent`).
    await page.getByText(/^netto inkomen van inkomstenverhouding 1: €\s2\.510,66$/).waitFor()
    await page.getByText(/^netto inkomen van inkomstenverhouding 2: €\s800,00$/).waitFor()
    assert.equal(await page.getByText(/inkomstenverhouding1/).count(), 0)
    await pb.shot(page, '02a-netto-twee-verhoudingen')

    await page.getByRole('button', { name: 'Inkomstenverhouding 2 verwijderen' }).click()
    await page.getByLabel('Maand', { exact: true }).fill('2021-12')
    await page.getByRole('button', { name: 'Netto inkomen berekenen' }).click()
    await page.getByRole('heading', { name: 'Knooppunt kan voor deze datum niet rekenen' }).waitFor()
    await page.getByText(/tabel\.stap-maand/).waitFor()
    await pb.assertAccessible(page, 'netto, weigering')
    await pb.shot(page, '02-netto-weigering')
    await page.context().close()
  })

  test('loonheffing: the table amount with and without korting, and every step with its source', async () => {
    const page = await pb.newPage()
    await open(page, 'beslag@incasso')
    const lh = page.getByRole('region', { name: 'Alleen de loonheffing (witte maandtabel)' })
    await lh.getByLabel('Datum').fill('2024-06-01')
    await lh.getByLabel('Loon per maand').fill('2911,99')
    await lh.getByRole('button', { name: 'Loonheffing berekenen' }).click()
    await lh.getByRole('heading', { level: 2, name: /^De loonheffing is €\s401,33 per maand$/ }).waitFor()
    await lh.getByText(/^€\s1\.076,33$/).waitFor()
    await lh.getByRole('heading', { level: 3, name: /^Stap 10: Loonheffing per maand/ }).waitFor()
    await pb.assertAccessible(page, 'loonheffing, stappen')
    await pb.shot(page, '03-loonheffing-stappen')

    await lh.getByLabel('Datum').fill('2027-01-01')
    await lh.getByRole('button', { name: 'Loonheffing berekenen' }).click()
    await lh.getByRole('heading', { name: 'Knooppunt kan voor deze datum niet rekenen' }).waitFor()
    await pb.assertAccessible(page, 'loonheffing, weigering')
    await page.context().close()
  })

  test('no script errors or CSP violations', () => {
    assert.deepEqual(pb.consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e)), [])
  })
})
