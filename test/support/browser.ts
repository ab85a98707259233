/**
 * The browser for portal tests: Debian's chromium driven by playwright-core (never a downloaded browser), with the
 * flags this closed network needs, and the axe-core rule tags we hold every page to.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

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
