/**
 * Keeps docs/errors.md in sync with the code (Fastify's rule: a test fails when the catalogue and the code drift).
 * Every stable code that source files pass to AppError (or synthFout / oauth) must be listed, and every listed code
 * must still exist in the source.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('../../', import.meta.url).pathname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sourceFiles(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}

export function codesInSource(): Set<string> {
  const codes = new Set<string>()
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/AppError\(\s*'[a-z-]+',\s*'([a-z0-9_.-]+)'/g)) codes.add(m[1]!)
    for (const m of text.matchAll(/(?:synthFout|invalid)\(\s*'([a-z]+\.[a-z0-9_.-]+)'/g)) codes.add(m[1]!)
    // Input readers collect every problem and throw once with the code they are given (`InvoerLezer.klaar`).
    for (const m of text.matchAll(/\.klaar\(\s*'([a-z-]+\.[a-z0-9_.-]+)'/g)) codes.add(m[1]!)
    // Line-level errors in batch answers: `fout: { code: 'product.iets' }`.
    for (const m of text.matchAll(/fout: \{ code: '([a-z-]+\.[a-z0-9_.-]+)'/g)) codes.add(m[1]!)
    // Calculator CLI commands name their codes in their definition (`registerRekenCommando`).
    for (const m of text.matchAll(/(?:geenInvoerCode|invoerCode): '([a-z-]+\.[a-z0-9_.-]+)'/g)) codes.add(m[1]!)
    for (const m of text.matchAll(/oauthError\(\s*'[a-z-]+',\s*'([a-z_]+)'/g)) codes.add(`oauth.${m[1]}`)
  }
  // Codes passed through a variable: the field-level codes of core validators.
  for (const c of ['datum-ongeldig', 'maand-ongeldig']) codes.add(c)
  return codes
}

test('every error code in the source is in docs/errors.md, and nothing stale is listed', () => {
  const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8')
  const documented = new Set([...doc.matchAll(/^\| `([a-z0-9_.-]+)` \|/gm)].map((m) => m[1]!))
  const source = codesInSource()
  const missing = [...source].filter((c) => !documented.has(c)).sort()
  const stale = [...documented].filter((c) => !source.has(c)).sort()
  assert.deepEqual(missing, [], `add these codes to docs/errors.md: ${missing.join(', ')}`)
  assert.deepEqual(stale, [], `these codes in docs/errors.md no longer exist: ${stale.join(', ')}`)
})
