import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const script = `
import { Command } from 'commander'
import { registerGenerate } from ${JSON.stringify(fileURLToPath(new URL('../cli/commands/generate.ts', import.meta.url)))}
const program = new Command('knooppunt').exitOverride()
registerGenerate(program)
await program.parseAsync(process.argv.slice(process.argv.indexOf('generate')), { from: 'user' })
`

function knooppunt(...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args], { encoding: 'utf8' })
  return { status: r.status, stderr: r.stderr }
}

test('knooppunt generate: writes a dataset, refuses nonsense with one line and a non-zero exit', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'knooppunt-cli-'))
  try {
    const ok = knooppunt('generate', '--seed', '5', '--inwoners', '300', '--uit', join(dir, 'out'))
    assert.equal(ok.status, 0, ok.stderr)
    const bad = knooppunt('generate', '--seed', '12abc', '--inwoners', '300', '--uit', join(dir, 'x'))
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /\[synth\.seed-ongeldig\]/)
    assert.equal(bad.stderr.trim().split('\n').length, 1)
    const vol = knooppunt('generate', '--seed', '5', '--inwoners', '300', '--uit', join(dir, 'out'))
    assert.equal(vol.status, 5)
    assert.match(vol.stderr, /niet leeg.*--overschrijf/)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
