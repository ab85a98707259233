import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { isBsn } from '../core/bsn.js'
import { isAppError } from '../core/errors.js'
import { FORMATEN, generate, type Formaat, type Manifest } from './index.js'

let root: string
before(async () => { root = await mkdtemp(join(tmpdir(), 'knooppunt-synth-')) })
after(async () => { await rm(root, { recursive: true, force: true }) })

const csv = async (dir: string, naam: string): Promise<string[][]> =>
  (await readFile(join(dir, naam), 'utf8')).trimEnd().split('\n').map((l) => l.split(';'))

async function verwachtFout(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => isAppError(e) && e.code === code && e.message.length > 10)
}

describe('generate: determinism', () => {
  let a: Manifest
  let dirA: string
  before(async () => {
    dirA = join(root, 'a')
    a = await generate({ seed: 7, inwoners: 2000, uit: dirA })
  })

  test('the same seed and size give identical checksums; another seed does not', async () => {
    const b = await generate({ seed: 7, inwoners: 2000, uit: join(root, 'b') })
    assert.deepEqual(b, a)
    const c = await generate({ seed: 8, inwoners: 2000, uit: join(root, 'c') })
    assert.notEqual(c.bestanden.find((x) => x.naam === 'brp-personen.csv')!.sha256, a.bestanden.find((x) => x.naam === 'brp-personen.csv')!.sha256)
  })

  test('manifest.json on disk equals the returned manifest and has no timestamp', async () => {
    const opDisk = JSON.parse(await readFile(join(dirA, 'manifest.json'), 'utf8')) as Manifest
    assert.deepEqual(opDisk, a)
    assert.equal(a.inwoners, 2000)
    assert.equal(a.bestanden.length, 20 + 2 * 342)
    assert.doesNotMatch(JSON.stringify(a), /T\d\d:\d\d/)
  })

  test('every BSN is valid and unique, and every fact is about a known resident', async () => {
    const brp = (await csv(dirA, 'brp-personen.csv')).slice(1)
    assert.equal(brp.length, 2000)
    const bsns = new Set(brp.map((r) => r[0]))
    assert.equal(bsns.size, 2000)
    for (const b of bsns) assert.ok(isBsn(b), `${b} is geen geldig BSN`)
    for (const f of a.bestanden.filter((x) => x.naam !== 'brp-personen.csv')) {
      const rows = await csv(dirA, f.naam)
      if (rows[0]![0] !== 'bsn') continue
      for (const r of rows.slice(1)) assert.ok(bsns.has(r[0]), `${f.naam}: onbekend BSN`)
    }
  })

  test('every file has its documented header, a constant column count, ISO dates and integer cents', async () => {
    for (const f of a.bestanden) {
      const rows = await csv(dirA, f.naam)
      const formaat = (f.naam.startsWith('populatie-') ? 'populatie' : f.naam.replace(/\.csv$/, '')) as Formaat
      assert.deepEqual(rows[0], [...FORMATEN[formaat]], f.naam)
      assert.equal(rows.length - 1, f.regels, f.naam)
      rows.slice(1).forEach((r, i) => {
        assert.equal(r.length, rows[0]!.length, `${f.naam} regel ${i + 2}`)
        r.forEach((v, k) => {
          const kolom = rows[0]![k]!
          if (/(datum|^datumAanvang|^datumEinde)$/i.test(kolom) && v !== '') assert.match(v, /^\d{4}-\d{2}-\d{2}$/, `${f.naam} ${kolom}`)
          if (kolom.endsWith('Cent')) assert.match(v, /^\d+$/, `${f.naam} ${kolom}`)
          if (kolom === 'periode') assert.match(v, /^\d{4}-\d{2}$/)
        })
      })
    }
  })

  test('polis lines use only the allowed soortInkomen and lie in the 12 months before the peildatum', async () => {
    const polis = (await csv(dirA, 'uwv-polis.csv')).slice(1)
    assert.ok(polis.length > 2000)
    for (const r of polis) {
      assert.ok(['loon', 'ww', 'zw', 'wia', 'wajong', 'overig'].includes(r[5]!))
      assert.ok(r[1]! >= '2025-01' && r[1]! <= '2025-12', r[1])
    }
  })
})

describe('generate: realistic rates', () => {
  test('bijstand ≈ 2.3 % of adults 18–AOW and some recipients have a polis loon line', async () => {
    const dir = join(root, 'rates')
    await generate({ seed: 3, inwoners: 30_000, uit: dir })
    const brp = (await csv(dir, 'brp-personen.csv')).slice(1)
    const pop = new Set<string>()
    for (const f of (await readdir(dir)).filter((x) => x.startsWith('populatie-samenloop-')))
      for (const r of (await csv(dir, f)).slice(1)) pop.add(r[0]!)
    const volwassen = brp.filter((r) => { const age = 2026 - Number(r[4]!.slice(0, 4)); return age >= 18 && age <= 67 })
    const aandeel = volwassen.filter((r) => pop.has(r[0]!)).length / volwassen.length
    assert.ok(aandeel > 0.018 && aandeel < 0.029, `bijstand ${aandeel}`)
    const loon = new Set((await csv(dir, 'uwv-polis.csv')).filter((r) => r[5] === 'loon').map((r) => r[0]))
    const metLoon = [...pop].filter((b) => loon.has(b)).length / pop.size
    assert.ok(metLoon > 0.04 && metLoon < 0.2, `bijstand met loon ${metLoon}`)
  })
})

describe('generate: bad input', () => {
  const uit = (): string => join(root, `bad-${Math.random().toString(36).slice(2)}`)
  for (const seed of [-1, 1.5, Number.NaN, 2 ** 32, '42' as unknown as number])
    test(`seed ${String(seed)} is refused`, () => verwachtFout(generate({ seed, inwoners: 10, uit: uit() }), 'synth.seed-ongeldig'))
  for (const inwoners of [0, -5, 2.5, 20_000_001, Number.POSITIVE_INFINITY])
    test(`inwoners ${inwoners} is refused`, () => verwachtFout(generate({ seed: 1, inwoners, uit: uit() }), 'synth.inwoners-ongeldig'))
  test('an empty output path is refused', () => verwachtFout(generate({ seed: 1, inwoners: 10, uit: ' ' }), 'synth.uit-ongeldig'))
  test('a bad peildatum is refused', () => verwachtFout(generate({ seed: 1, inwoners: 10, uit: uit(), peildatum: '2025-02-30' }), 'synth.peildatum-ongeldig'))

  test('a non-empty folder is refused unless overschrijf, and then fully replaced', async () => {
    const dir = uit()
    await mkdir(dir)
    await writeFile(join(dir, 'eigen.txt'), 'van iemand anders')
    await verwachtFout(generate({ seed: 1, inwoners: 50, uit: dir }), 'synth.map-niet-leeg')
    assert.ok(existsSync(join(dir, 'eigen.txt')))
    await generate({ seed: 1, inwoners: 50, uit: dir, overschrijf: true })
    assert.ok(!existsSync(join(dir, 'eigen.txt')))
    assert.ok(existsSync(join(dir, 'manifest.json')))
  })

  test('a path below a regular file gives a write error and leaves nothing behind', async () => {
    const bestand = join(root, 'een-bestand')
    await writeFile(bestand, 'x')
    await assert.rejects(generate({ seed: 1, inwoners: 10, uit: join(bestand, 'sub') }), (e: unknown) => isAppError(e) && e.code.startsWith('synth.'))
  })

  test('an aborted run leaves neither the target nor a temporary folder', async () => {
    const dir = uit()
    const ac = new AbortController()
    ac.abort()
    await verwachtFout(generate({ seed: 1, inwoners: 5000, uit: dir, signal: ac.signal }), 'synth.afgebroken')
    assert.ok(!existsSync(dir))
    assert.deepEqual((await readdir(root)).filter((x) => x.includes('onvolledig')), [])
  })
})
