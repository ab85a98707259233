import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isBsn } from '../core/bsn.js'
import { isAppError } from '../core/errors.js'
import { isOin } from '../core/oin.js'
import { BsnUitgifte } from './bsn-uitgifte.js'
import { CsvWriter } from './csv-writer.js'
import { kenteken, loonheffing, polisRegels, werkgevers } from './feiten/index.js'
import { arbeidsmarktregios, gemeenten, rmcRegios, verdeelInwoners, waterschappen } from './gemeenten.js'
import { organisaties } from './organisaties.js'
import { Rng } from './rng.js'
import { bestandsFout } from './synth-fout.js'
import type { Context, Persoon } from './model.js'

describe('reference data', () => {
  test('342 gemeenten with unique 4-digit codes, 12 provinces, 35 arbeidsmarktregio’s, 39 RMC regions, 21 waterschappen', () => {
    const g = gemeenten()
    assert.equal(g.length, 342)
    assert.equal(new Set(g.map((x) => x.code)).size, 342)
    for (const x of g) assert.match(x.code, /^\d{4}$/)
    assert.equal(new Set(g.map((x) => x.provincie)).size, 12)
    assert.equal(arbeidsmarktregios().length, 35)
    assert.equal(rmcRegios().length, 39)
    assert.equal(waterschappen().length, 21)
  })

  test('postcode blocks of gemeenten do not overlap and stay within 1000–9999', () => {
    const blokken = [...gemeenten()].sort((a, b) => a.pc4Van - b.pc4Van)
    blokken.forEach((b, i) => {
      if (i > 0) assert.ok(b.pc4Van >= blokken[i - 1]!.pc4Van + blokken[i - 1]!.pc4Aantal)
      assert.ok(b.pc4Van + b.pc4Aantal - 1 <= 9999)
    })
  })

  test('inhabitants are split exactly', () => {
    for (const n of [1, 7, 2000, 1_000_003]) assert.equal(verdeelInwoners(n).reduce((s, x) => s + x, 0), n)
  })

  test('organisations have unique valid OINs and every required kind', () => {
    const orgs = organisaties()
    assert.equal(new Set(orgs.map((o) => o.oin)).size, orgs.length)
    for (const o of orgs) assert.ok(isOin(o.oin))
    const soorten = new Set(orgs.map((o) => o.soort))
    for (const s of ['gemeente', 'waterschap', 'rmc', 'zorgaanbieder', 'bron', 'schuldeiser', 'intermediair', 'samenwerkingsverband', 'beheer'])
      assert.ok(soorten.has(s as never), s)
    assert.equal(orgs.filter((o) => o.soort === 'zorgaanbieder' && /^\d{8}$/.test(o.agbCode)).length, 300)
  })
})

describe('building blocks', () => {
  test('BsnUitgifte hands out unique valid BSNs', () => {
    const u = new BsnUitgifte(99)
    const seen = new Set<string>()
    for (let i = 0; i < 50_000; i++) {
      const b = u.volgende()
      assert.ok(isBsn(b))
      seen.add(b)
    }
    assert.equal(seen.size, 50_000)
  })

  test('kentekens are unique and well-formed', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 100_000; i++) seen.add(kenteken(i * 397))
    assert.equal(seen.size, 100_000)
    for (const k of [...seen].slice(0, 500)) assert.match(k, /^[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,2}$/)
    assert.throws(() => kenteken(-1), RangeError)
  })

  test('the PRNG is deterministic per (seed, stream, index)', () => {
    const a = Rng.at(1, 2, 3)
    const b = Rng.at(1, 2, 3)
    const c = Rng.at(1, 2, 4)
    const xs = Array.from({ length: 5 }, () => a.next())
    assert.deepEqual(Array.from({ length: 5 }, () => b.next()), xs)
    assert.notDeepEqual(Array.from({ length: 5 }, () => c.next()), xs)
  })

  test('loonheffing is never negative and rises with the wage', () => {
    let vorige = 0
    for (let bruto = 0; bruto < 2_000_000; bruto += 10_000) {
      const h = loonheffing(bruto, true)
      assert.ok(h >= 0 && h >= vorige && h < bruto + 1)
      vorige = h
    }
  })

  test('row generators are pure functions of (rng, resident)', () => {
    const ctx: Context = { seed: 1, peildatum: 20454, vensterVan: 20089, maanden: Array.from({ length: 12 }, (_, i) => 2025 * 12 + i), aowLeeftijd: 67 }
    const hh = { leden: [] as Persoon[] }
    const p = { index: 5, bsn: '111222333', leeftijd: 40, geslacht: 'V', positie: 'werknemer', rol: 'hoofd', huishouden: hh } as unknown as Persoon
    const wg = werkgevers(1, 50)
    assert.deepEqual(polisRegels(Rng.at(1, 10, 5), ctx, p, wg), polisRegels(Rng.at(1, 10, 5), ctx, p, wg))
  })

  test('write errors become AppErrors with stable codes', async () => {
    assert.equal(bestandsFout(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/x').code, 'synth.schijf-vol')
    assert.equal(bestandsFout(Object.assign(new Error('x'), { code: 'EACCES' }), '/x').code, 'synth.geen-toegang')
    assert.equal(bestandsFout(new Error('x'), '/x').code, 'synth.schrijffout')
    const w = new CsvWriter('/dev', 'full', ['a'])
    for (let i = 0; i < 20_000; i++) w.row('xxxxxxxxxx')
    await assert.rejects(w.close(), (e: unknown) => isAppError(e) && e.code === 'synth.schijf-vol')
  })
})
