import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { FORMATEN } from './formaten.js'

const docs = new URL('../../docs/formats/', import.meta.url)

test('every file format has a page in docs/formats that names each of its columns', () => {
  for (const [naam, kolommen] of Object.entries(FORMATEN)) {
    const pagina = readFileSync(new URL(`${naam}.md`, docs), 'utf8')
    for (const k of kolommen) assert.ok(pagina.includes(`\`${k}\``), `docs/formats/${naam}.md mist kolom ${k}`)
  }
})
