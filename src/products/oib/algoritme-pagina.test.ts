import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { OIB_DOCS_MAP, renderOibPagina } from './algoritme-pagina.js'

test('docs/algoritmeregister/oib is up to date (regenerate with algoritme-pagina.ts)', () => {
  assert.equal(readFileSync(join(OIB_DOCS_MAP, 'README.md'), 'utf8'), renderOibPagina(), 'verouderd: node --import tsx src/products/oib/algoritme-pagina.ts')
  assert.deepEqual(readdirSync(OIB_DOCS_MAP), ['README.md'])
})
