import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Datum } from '../../core/index.js'
import type { Feit } from './feiten-lezer.js'
import { polisInkomen } from './polis-inkomen.js'
import { verlengingsAdvies } from './verlenging.js'

let regel = 0
const polis = (periode: string, bruto: number, lh: number, ikv = 'IKV1'): Feit => ({
  bron: 'uwv-polis', bsn: '111222333', sleutel: `${ikv}|${periode}`, geldigVan: `${periode}-01`, geldigTot: null,
  gegevens: { periode, inkomstenverhoudingId: ikv, brutoloonCent: bruto, loonheffingCent: lh, vakantiebijslag: null }, ref: { bron: 'uwv-polis', leveringId: 'L', regel: ++regel },
})

test('the latest month on or before the peildatum month, all relations together; a missing month counts as 0 in the average', () => {
  const p = polisInkomen([polis('2025-03', 100000, 10000), polis('2025-03', 50000, 0, 'IKV2'), polis('2025-01', 100000, 10000), polis('2025-05', 1, 0)], '2025-04-15' as Datum)!
  assert.equal(p.laatste.maand, '2025-03')
  assert.equal(p.laatste.nettoCent, 140000)
  assert.equal(p.laatste.inkomstenverhoudingen, 2)
  assert.deepEqual(p.maanden.map((m) => m.maand), ['2025-03', '2025-01'])
  assert.equal(p.gemiddeldeNettoCent, Math.floor((140000 + 90000) / 4))
  assert.equal(p.reeleAfspiegeling, false)
})

test('no month within four months before the peildatum: no income (never an old month as if recent)', () => {
  assert.equal(polisInkomen([polis('2024-11', 100000, 0)], '2025-04-01' as Datum), undefined)
  assert.equal(polisInkomen([polis('2024-12', 100000, 0)], '2025-04-01' as Datum)?.laatste.maand, '2024-12')
  assert.equal(polisInkomen([], '2025-04-01' as Datum), undefined)
})

test('verlenging: only a clean result is verlengen; a failed check is opnieuw-beoordelen', () => {
  assert.deepEqual(verlengingsAdvies(undefined), { advies: 'opnieuw-beoordelen', redenen: ['toets-mislukt'] })
})
