import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Maand } from '../../core/index.js'
import { KOT_DOCS_MAP, kotPaginas } from './algoritme-paginas.js'
import { inhoudHash } from './kot-signalen-store.js'
import { vergelijkDoelgroepouders } from './vergelijk-doelgroepouders.js'

test('docs/algoritmeregister/kot-doelgroepouders is up to date with the rule (regenerate with algoritme-paginas.ts)', () => {
  const paginas = kotPaginas()
  for (const [naam, inhoud] of paginas) {
    assert.equal(readFileSync(join(KOT_DOCS_MAP, naam), 'utf8'), inhoud, `${naam} is verouderd: node --import tsx src/products/kot-doelgroepouders/algoritme-paginas.ts`)
  }
  assert.deepEqual(readdirSync(KOT_DOCS_MAP).sort(), [...paginas.keys()].sort())
})

test('the pages say which change makes a correction, as the comparison decides it', () => {
  const verschil = (doelgroep: string, referentie: string | null, soort: 'niet-geregistreerd' | 'niet-in-bestand') => inhoudHash(vergelijkDoelgroepouders({
    periode: '2026-01' as Maand, leveringen: ['kot-2026-01'],
    bestand: soort === 'niet-geregistreerd' ? [{ bsn: '000000001', doelgroep, leveringId: 'kot-2026-01', regel: 2 }] : [],
    registratie: soort === 'niet-in-bestand' ? [{ bsn: '000000001', referentie }] : [],
  })[0]!)
  assert.notEqual(verschil('traject', null, 'niet-geregistreerd'), verschil('bijstand', null, 'niet-geregistreerd'))
  assert.notEqual(verschil('', 'KOT-2', 'niet-in-bestand'), verschil('', 'KOT-1', 'niet-in-bestand'))
  const paginas = kotPaginas()
  assert.match(paginas.get('niet-geregistreerd.md')!, /andere doelgroep.*"correctie"; een ander bedrag aan kinderopvangtoeslag geeft geen nieuw verschil/)
  assert.match(paginas.get('niet-in-bestand.md')!, /andere referentie.*"correctie"/)
  for (const [naam, inhoud] of paginas) assert.doesNotMatch(inhoud, /Verandert de Belastingdienst de regel van een ouder, dan volgt/, naam)
})
