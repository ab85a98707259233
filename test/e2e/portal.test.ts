/**
 * The portal in a real browser (Debian chromium driven by playwright-core): every demo role logs in through the
 * embedded OpenID provider, visits every page it may see, and each page is screenshotted (test-results/portaal/)
 * and checked with axe-core against WCAG 2.1 A and AA. Plus the login failures, the beheer and inzage flows, and
 * a keyboard-only walk.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { DEMO_BSN, DEMO_GEBRUIKERS, DEMO_WACHTWOORD, startPortalTestApp, type DemoGebruiker, type PortalTestApp } from '../support/portal-test-app.js'
import { skipZonderChromium, startPortalBrowser, type PortalBrowser } from '../support/browser.js'

const SHOTS = new URL('../../test-results/portaal/', import.meta.url).pathname

/** Which menu items each role gets (besides Start and Gegevensregister, which everyone with a role has). */
const EXTRA_MENU: Partial<Record<string, string[]>> = { beheerder: ['API-clients'], 'privacy-officer': ['Logboek-inzage'] }

const skip = skipZonderChromium

describe('portal in the browser', { skip }, () => {
  let app: PortalTestApp
  let pb: PortalBrowser

  before(async () => {
    app = await startPortalTestApp()
    pb = await startPortalBrowser(() => app.url, SHOTS)
  })
  after(async () => {
    await pb?.close()
    await app?.[Symbol.asyncDispose]()
  })

  const newPage = () => pb.newPage()

  const assertAccessible = (page: Page, label: string) => pb.assertAccessible(page, label)

  const shot = (page: Page, name: string) => pb.shot(page, name)

  const login = (page: Page, gebruikersnaam: string, wachtwoord = DEMO_WACHTWOORD) => pb.login(page, gebruikersnaam, wachtwoord, { startpagina: false })

  const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')

  test('anonymous visitors see the welcome page and the public register', async () => {
    const page = await newPage()
    await page.goto(app.url)
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Knooppunt' }).waitFor()
    await assertAccessible(page, 'welkom')
    await shot(page, '01-welkom')
    await page.getByRole('link', { name: /gegevensregister is openbaar/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Gegevensregister' }).waitFor()
    await page.getByRole('heading', { level: 2, name: /Beslagvrije voet/ }).waitFor()
    await assertAccessible(page, 'gegevensregister (anoniem)')
    await page.context().close()
  })

  test('the login page explains a wrong password, an unknown user and a missing role', async () => {
    const page = await newPage()
    await page.goto(`${app.url}/portaal/login`)
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor()
    await assertAccessible(page, 'inloggen')
    await shot(page, '02-inloggen')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.getByText('Vul uw gebruikersnaam in.').waitFor()
    await assertAccessible(page, 'inloggen, lege velden')
    await shot(page, '03-inloggen-lege-velden')
    for (const [naam, ww] of [['inkomen@utrecht', 'fout-wachtwoord-123'], ['onbekend@nergens', DEMO_WACHTWOORD]] as const) {
      await page.getByLabel('Gebruikersnaam').fill(naam)
      await page.getByLabel('Wachtwoord').fill(ww)
      await page.getByRole('button', { name: 'Inloggen' }).click()
      await page.getByRole('alert').getByText(/combinatie van gebruikersnaam en wachtwoord kennen wij niet/).waitFor()
    }
    await assertAccessible(page, 'inloggen, onjuist')
    await shot(page, '04-inloggen-onjuist')
    await page.getByLabel('Gebruikersnaam').fill('zonderrol@utrecht')
    await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD)
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.getByRole('alert').getByText(/nog geen rollen toegekend/).waitFor()
    await assertAccessible(page, 'inloggen, geen rollen')
    await shot(page, '05-inloggen-geen-rollen')
    await page.context().close()
  })

  const metRol = DEMO_GEBRUIKERS.filter((g) => g.rollen.length > 0)
  for (const gebruiker of metRol) {
    test(`${gebruiker.rollen.join(', ')}: logs in, sees exactly the allowed menu, every page is accessible`, async () => {
      await visitAllPages(gebruiker)
    })
  }

  async function visitAllPages(g: DemoGebruiker): Promise<void> {
    const page = await newPage()
    await login(page, g.gebruikersnaam)
    await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor()
    await page.getByText(`Ingelogd als ${g.naam}`).waitFor()
    const expected = ['Start', 'Gegevensregister', ...g.rollen.flatMap((r) => EXTRA_MENU[r] ?? [])]
    assert.deepEqual(await menu(page).allTextContents(), expected, `menu for ${g.gebruikersnaam}`)
    for (const titel of expected) {
      await menu(page).getByText(titel, { exact: true }).click()
      await page.getByRole('heading', { level: 1, name: titel }).waitFor()
      await page.getByRole('status').filter({ hasText: 'Bezig met laden' }).waitFor({ state: 'detached' })
      assert.equal(await page.evaluate('document.activeElement?.tagName'), 'H1', 'focus moves to the new page heading')
      await assertAccessible(page, `${g.gebruikersnaam} ${titel}`)
      await shot(page, `rol-${g.rollen[0]}-${titel.toLowerCase().replace(/[^a-z]+/g, '-')}`)
    }
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.getByText('U bent uitgelogd.').waitFor()
    assert.equal(new URL(page.url()).search, '', 'the message parameter is removed from the address bar')
    await page.context().close()
  }

  test('a beheerder creates a client (secret shown once, invalid OIN explained) and revokes it', async () => {
    const page = await newPage()
    await login(page, 'beheer@knooppunt')
    await menu(page).getByText('API-clients').click()
    await page.getByRole('heading', { level: 1, name: 'API-clients' }).waitFor()
    await page.getByLabel('OIN van de organisatie').fill('123')
    await page.getByRole('button', { name: 'Client aanmaken' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer de volgende velden' })
    await summary.waitFor()
    assert.match(await summary.textContent() ?? '', /precies 20 cijfers/)
    assert.match(await summary.textContent() ?? '', /Kies minstens één scope/)
    assert.equal(await page.evaluate('document.activeElement?.getAttribute("role")'), 'alert', 'focus moves to the error summary')
    await assertAccessible(page, 'api-clients, fouten')
    await shot(page, '10-api-clients-fouten')
    await page.getByLabel('OIN van de organisatie').fill(app.oins.utrecht!)
    await page.getByLabel('Naam van de client').fill('Belastingpakket')
    await page.getByLabel('kwijtschelding').check()
    await page.getByLabel('Lokale belastingen').check()
    await page.getByRole('button', { name: 'Client aanmaken' }).click()
    await page.getByRole('heading', { name: 'Client Belastingpakket is aangemaakt' }).waitFor()
    assert.match(await page.locator('.kp-secret').textContent() ?? '', /^[A-Za-z0-9_-]{43}$/)
    await page.getByRole('cell', { name: 'Belastingpakket', exact: true }).waitFor()
    await assertAccessible(page, 'api-clients, aangemaakt')
    await shot(page, '11-api-clients-aangemaakt')
    await page.getByRole('button', { name: 'Belastingpakket intrekken' }).click()
    await page.getByRole('button', { name: 'Ja, intrekken' }).click()
    await page.getByText('Belastingpakket is ingetrokken.').waitFor()
    await page.getByText(/Ingetrokken op/).first().waitFor()
    await assertAccessible(page, 'api-clients, ingetrokken')
    await shot(page, '12-api-clients-ingetrokken')
    await page.context().close()
  })

  test('a privacy officer searches a BSN (checked client-side, never in the URL) and prints the report', async () => {
    const page = await newPage()
    await login(page, 'privacy@utrecht')
    await menu(page).getByText('Logboek-inzage').click()
    await page.getByRole('heading', { level: 1, name: 'Logboek-inzage' }).waitFor()
    await page.getByLabel('Burgerservicenummer (BSN)').fill('123456789')
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await page.getByRole('alert').getByText(/elfproef/).waitFor()
    await assertAccessible(page, 'inzage, ongeldig bsn')
    await page.getByLabel('Burgerservicenummer (BSN)').fill(DEMO_BSN)
    await page.getByRole('button', { name: 'Zoeken' }).click()
    await page.getByRole('heading', { level: 2, name: `Verwerkingen van BSN ${DEMO_BSN}` }).waitFor()
    // Three seeded lines plus the line for this search itself: an inzage is a processing too.
    await page.getByText('4 verwerkingen gevonden, de nieuwste eerst.').waitFor()
    assert.ok(!page.url().includes(DEMO_BSN), 'no BSN in the URL')
    const history = await page.evaluate('JSON.stringify(history.state) + location.href')
    assert.ok(!String(history).includes(DEMO_BSN), 'no BSN in history state')
    await assertAccessible(page, 'inzage, resultaat')
    await shot(page, '20-inzage-resultaat')
    await page.emulateMedia({ media: 'print' })
    await shot(page, '21-inzage-afdruk')
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false, 'no menu on paper')
    await page.context().close()
  })

  test('keyboard only: skip link, menu, page change and logout without a mouse', async () => {
    const page = await newPage()
    await page.goto(`${app.url}/portaal/login`)
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Direct naar de inhoud', 'the skip link comes first')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate('document.activeElement?.id'), 'gebruikersnaam')
    await page.keyboard.type('inkomen@utrecht')
    await page.keyboard.press('Tab')
    await page.keyboard.type(DEMO_WACHTWOORD)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor()
    const focused = () => page.evaluate('document.activeElement?.textContent')
    await page.keyboard.press('Tab')
    assert.equal(await focused(), 'Direct naar de inhoud')
    assert.ok(await page.getByText('Direct naar de inhoud').isVisible(), 'the skip link is visible when focused')
    await shot(page, '30-toetsenbord-skiplink')
    await page.keyboard.press('Tab')
    assert.equal(await focused(), 'Uitloggen')
    await page.keyboard.press('Tab')
    assert.equal(await focused(), 'Start')
    await page.keyboard.press('Tab')
    assert.equal(await focused(), 'Gegevensregister')
    await shot(page, '31-toetsenbord-menu')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Gegevensregister' }).waitFor()
    assert.equal(await focused(), 'Gegevensregister', 'focus on the new page heading')
    assert.equal(await page.evaluate('document.activeElement?.tagName'), 'H1')
    assert.equal(new URL(page.url()).pathname, '/gegevensregister')
    // A full load of the same page: the skip link jumps over header and menu into main.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Gegevensregister' }).waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate('document.activeElement?.id'), 'inhoud', 'skip link moves focus to main')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate('document.activeElement?.closest("main")?.id'), 'inhoud', 'the next Tab stays in main')
    // Back to the header and log out.
    for (let i = 0; i < 10 && (await focused()) !== 'Uitloggen'; i++) await page.keyboard.press('Shift+Tab')
    assert.equal(await focused(), 'Uitloggen')
    await page.keyboard.press('Enter')
    await page.getByText('U bent uitgelogd.').waitFor()
    await page.context().close()
  })

  test('no script errors or CSP violations on any page', () => {
    // A failed login answers 400/401/403/429 and an anonymous session check 401 by design; Chrome logs those.
    assert.deepEqual(pb.consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e)), [])
  })
})
