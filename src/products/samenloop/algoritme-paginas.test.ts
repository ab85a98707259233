import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SAMENLOOP_DOCS_MAP, samenloopPaginas } from './algoritme-paginas.js'

test('docs/algoritmeregister/samenloop is up to date with the rules (regenerate with algoritme-paginas.ts)', () => {
  const paginas = samenloopPaginas()
  for (const [naam, inhoud] of paginas) {
    assert.equal(readFileSync(join(SAMENLOOP_DOCS_MAP, naam), 'utf8'), inhoud, `${naam} is verouderd: node --import tsx src/products/samenloop/algoritme-paginas.ts`)
  }
  assert.deepEqual(readdirSync(SAMENLOOP_DOCS_MAP).sort(), [...paginas.keys()].sort())
})
