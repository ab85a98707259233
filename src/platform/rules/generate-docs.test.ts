import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DOCS_MAP, genereerPaginas } from './generate-docs.js'

test('docs/algoritmeregister is up to date with the rules and their sources (regenerate with generate-docs.ts)', async () => {
  const paginas = await genereerPaginas()
  for (const [naam, inhoud] of paginas) {
    assert.equal(readFileSync(join(DOCS_MAP, naam), 'utf8'), inhoud, `${naam} is verouderd: node --import tsx src/platform/rules/generate-docs.ts`)
  }
  assert.deepEqual(readdirSync(DOCS_MAP).filter(f => f.endsWith('.md')).sort(), [...paginas.keys()].sort())
})
