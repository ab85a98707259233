import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { KOT_DOCS_MAP, kotPaginas } from './algoritme-paginas.js'

test('docs/algoritmeregister/kot-doelgroepouders is up to date with the rule (regenerate with algoritme-paginas.ts)', () => {
  const paginas = kotPaginas()
  for (const [naam, inhoud] of paginas) {
    assert.equal(readFileSync(join(KOT_DOCS_MAP, naam), 'utf8'), inhoud, `${naam} is verouderd: node --import tsx src/products/kot-doelgroepouders/algoritme-paginas.ts`)
  }
  assert.deepEqual(readdirSync(KOT_DOCS_MAP).sort(), [...paginas.keys()].sort())
})
