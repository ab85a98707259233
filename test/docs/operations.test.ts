/**
 * Keeps docs/operations.md in step with what an operator can set and run: every environment variable the source
 * reads, and every command of the `knooppunt` CLI, is in it.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { runCliProcess } from '../support/cli-process.js'

const root = new URL('../../', import.meta.url).pathname
const operations = () => readFileSync(join(root, 'docs/operations.md'), 'utf8')

function bronbestanden(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return bronbestanden(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })
}

test('every environment variable the source reads is in docs/operations.md', () => {
  const namen = new Set<string>()
  for (const f of bronbestanden(join(root, 'src'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\b(?:process\.env|env)\.([A-Z][A-Z0-9_]+)/g)) namen.add(m[1]!)
  }
  assert.ok(namen.has('DATABASE_URL') && namen.has('KNOOPPUNT_MODE'), 'the variables are found')
  const doc = operations()
  assert.deepEqual([...namen].filter((n) => !doc.includes(`\`${n}\``)).sort(), [])
})

test('every command of the knooppunt CLI is in docs/operations.md', async () => {
  const help = await runCliProcess(join(root, 'src/cli/main.ts'), ['--help'])
  const commandos = [...help.stdout.split('Commands:')[1]!.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help')
  assert.ok(commandos.length >= 8, help.stdout)
  const doc = operations()
  assert.deepEqual(commandos.filter((c) => !doc.includes(`\`knooppunt ${c}`)), [])
})
