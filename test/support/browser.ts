/**
 * The browser for portal tests: Debian's chromium driven by playwright-core (never a downloaded browser), with the
 * flags this closed network needs, and the axe-core rule tags we hold every page to.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** A `describe` skip reason when chromium is not installed (.ci/run installs it; locally: apt-get install chromium). */
export const skipZonderChromium: string | false = existsSync(CHROMIUM) ? false : `${CHROMIUM} ontbreekt (apt-get install -y chromium)`

export function startBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** What every portal browser test needs: pages that collect script errors, axe, screenshots, logging in. */
export interface PortalBrowser {
  /** Console errors and page errors (a CSP violation shows up here); the portal must have none. */
  readonly consoleErrors: string[]
  newPage(opts?: { acceptDownloads?: boolean }): Promise<Page>
  /** axe-core WCAG 2.1 AA, evaluated through the debugging protocol (the page's CSP rightly forbids injected scripts). */
  assertAccessible(page: Page, label: string): Promise<void>
  shot(page: Page, name: string): Promise<void>
  /** Logs in through the embedded OpenID provider's page; `startpagina` waits for the start page. */
  login(page: Page, gebruikersnaam: string, wachtwoord: string, opts?: { startpagina?: boolean }): Promise<void>
  /** Call from `afterEach`: a test that failed leaves its page open; keep a screenshot of where it stopped. */
  afterEach(testName: string): Promise<void>
  close(): Promise<void>
}

export async function startPortalBrowser(baseUrl: () => string, shotsDir: string): Promise<PortalBrowser> {
  mkdirSync(shotsDir, { recursive: true })
  const browser = await startBrowser()
  const consoleErrors: string[] = []
  const open: Page[] = []
  const shot = async (page: Page, name: string) => { await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true }) }
  return {
    consoleErrors,
    shot,
    async newPage(opts = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: opts.acceptDownloads ?? false })
      const page = await context.newPage()
      page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`) })
      page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`))
      open.push(page)
      return page
    },
    async assertAccessible(page, label) {
      if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE)
      const violations = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} } })
        .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`)
      assert.deepEqual(violations, [], `${label}: WCAG 2.1 AA violations`)
    },
    async login(page, gebruikersnaam, wachtwoord, opts = {}) {
      await page.goto(`${baseUrl()}/portaal/login`)
      await page.getByLabel('Gebruikersnaam').fill(gebruikersnaam)
      await page.getByLabel('Wachtwoord').fill(wachtwoord)
      await page.getByRole('button', { name: 'Inloggen' }).click()
      if (opts.startpagina ?? true) await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor()
    },
    async afterEach(testName) {
      for (const p of open.splice(0)) {
        if (p.isClosed()) continue
        await shot(p, `fout-${testName.slice(0, 30).replace(/[^a-z]+/gi, '-')}`).catch(() => {})
        await p.context().close()
      }
    },
    close: () => browser.close(),
  }
}
