import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { Maand } from '../../core/index.js'
import { vergelijkDoelgroepouders } from './vergelijk-doelgroepouders.js'

const periode = '2026-01' as Maand

test('both directions, nothing for parents in both, sorted and with the month as period', () => {
  const uit = vergelijkDoelgroepouders({
    periode, leveringen: ['a', 'b'],
    bestand: [{ bsn: '3', doelgroep: 'traject', leveringId: 'a', regel: 4 }, { bsn: '1', doelgroep: 'bijstand', leveringId: 'a', regel: 2 }],
    registratie: [{ bsn: '1', referentie: null }, { bsn: '2', referentie: 'R-2' }],
  })
  assert.deepEqual(uit.map((s) => [s.soort, s.bsn, s.sleutel]), [['niet-geregistreerd', '3', '3|2026-01'], ['niet-in-bestand', '2', '2|2026-01']])
  assert.deepEqual(uit[0]!.periode, { van: '2026-01-01', tot: '2026-01-31' })
  assert.deepEqual(uit[0]!.bronnen, [{ bron: 'belastingdienst-kot-doelgroep', leveringId: 'a', regel: 4 }])
  assert.deepEqual(uit[1]!.bronnen.map((b) => b.leveringId), ['a', 'b'])
  assert.deepEqual(uit[1]!.gegevens, { referentie: 'R-2' })
})

test('property: exactly one signal per parent in the symmetric difference, in the right direction', () => {
  const bsn = fc.integer({ min: 1, max: 40 }).map(String)
  fc.assert(fc.property(fc.uniqueArray(bsn), fc.uniqueArray(bsn), (inBestand, geregistreerd) => {
    const uit = vergelijkDoelgroepouders({
      periode, leveringen: ['l'],
      bestand: inBestand.map((b, i) => ({ bsn: b, doelgroep: 'bijstand', leveringId: 'l', regel: i + 2 })),
      registratie: geregistreerd.map((b) => ({ bsn: b, referentie: null })),
    })
    const verwacht = [
      ...inBestand.filter((b) => !geregistreerd.includes(b)).map((b) => `niet-geregistreerd ${b}`),
      ...geregistreerd.filter((b) => !inBestand.includes(b)).map((b) => `niet-in-bestand ${b}`),
    ].sort()
    assert.deepEqual(uit.map((s) => `${s.soort} ${s.bsn}`).sort(), verwacht)
  }))
})
