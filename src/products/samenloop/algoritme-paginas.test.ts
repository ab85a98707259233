import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { completeBsn, type Datum } from '../../core/index.js'
import { matchFeiten } from '../../platform/matching/index.js'
import { SAMENLOOP_DOCS_MAP, samenloopPaginas } from './algoritme-paginas.js'
import { SAMENLOOP_REGELS } from './regels/index.js'

const BSN = completeBsn('11122233')!

test('docs/algoritmeregister/samenloop is up to date with the rules (regenerate with algoritme-paginas.ts)', () => {
  const paginas = samenloopPaginas()
  for (const [naam, inhoud] of paginas) {
    assert.equal(readFileSync(join(SAMENLOOP_DOCS_MAP, naam), 'utf8'), inhoud, `${naam} is verouderd: node --import tsx src/products/samenloop/algoritme-paginas.ts`)
  }
  assert.deepEqual(readdirSync(SAMENLOOP_DOCS_MAP).sort(), [...paginas.keys()].sort())
})

// What a page says about corrections must be what the rule does: the same key with other content (the rule's
// `inhoud`, or all of `gegevens`) is a correction; a change outside it makes no new signal.
const hash = (bron: string, gegevens: Record<string, unknown>) => {
  const [s] = matchFeiten([{ bron, bsn: BSN, sleutel: 'k', geldigVan: '2025-01-01', gegevens, leveringId: 'lev-1', regel: 2 }],
    [{ oin: '00000001000000000001', product: 'samenloop', bsn: BSN, periode: { van: '2020-01-01' as Datum }, gemeentecode: '0344' }], SAMENLOOP_REGELS)
  assert.ok(s, `${bron}: no signal`)
  return `${s.sleutel} ${s.inhoudHash}`
}
const pagina = (soort: string) => samenloopPaginas().get(`${soort}.md`)!

test('the pages say which changes make a correction, as the rules decide it', () => {
  const polis = { periode: '2025-03', inkomstenverhoudingId: 'IKV1', loonheffingennummer: '001234567L01', werkgeverNaam: 'Bakkerij', soortInkomen: 'loon', brutoloonCent: 100, loonheffingCent: 10, uren: 60 }
  for (const [soort, basis] of [['inkomsten', polis], ['uitkering', { ...polis, soortInkomen: 'ww' }]] as const) {
    for (const veld of ['uren', 'werkgeverNaam', 'loonheffingennummer'] as const) {
      const ander = { ...basis, [veld]: veld === 'uren' ? 61 : veld === 'loonheffingennummer' ? '001234567L02' : 'Andere BV' }
      assert.notEqual(hash('uwv-polis', ander), hash('uwv-polis', basis), `${soort}: another ${veld} is a correction`)
    }
    assert.match(pagina(soort), /uren, werkgever of loonheffingennummer/, `${soort}.md names every field whose change is a correction`)
  }
  const detentie = { detentieId: 'D1', ingangsdatum: '2025-02-01', einddatum: '', soortDetentie: 'gevangenisstraf', inrichting: 'PI' }
  assert.notEqual(hash('dji-detenties', { ...detentie, ingangsdatum: '2025-02-02' }), hash('dji-detenties', detentie))
  assert.equal(hash('dji-detenties', { ...detentie, soortDetentie: 'voorlopige-hechtenis' }), hash('dji-detenties', detentie))
  assert.match(pagina('detentie'), /andere ingangsdatum geeft één correctiesignaal/)
  const brp = { datum: '2025-05-01', soortMutatie: 'verhuizing', gemeentecodeVan: '0344', gemeentecodeNaar: '0363', landNaar: '' }
  assert.notEqual(hash('brp-mutaties', { ...brp, gemeentecodeNaar: '0518' }), hash('brp-mutaties', brp))
  assert.match(pagina('verhuizing'), /andere gemeente van herkomst of bestemming .* geeft één correctiesignaal/)
  const emigratie = { ...brp, soortMutatie: 'emigratie', gemeentecodeNaar: '', landNaar: 'ES' }
  assert.notEqual(hash('brp-mutaties', { ...emigratie, landNaar: 'PT' }), hash('brp-mutaties', emigratie))
  assert.match(pagina('emigratie'), /ander land van bestemming .* geeft één correctiesignaal/)
  const rdw = { kenteken: 'GB-22-NL', datumAanvang: '2025-02-10', datumEinde: '', dagwaardeCent: 450000 }
  assert.equal(hash('rdw-voertuigen', { ...rdw, dagwaardeCent: 1 }), hash('rdw-voertuigen', rdw), 'voertuig: another dagwaarde is no new signal')
  for (const [naam, inhoud] of samenloopPaginas()) {
    assert.doesNotMatch(inhoud, /Corrigeert de bron een eerder gegeven, dan volgt één nieuw signaal/, `${naam}: not every correction of the source makes a signal`)
  }
})

test('every page names the limits of its rules, and the limits it states about the code hold', () => {
  for (const [naam, inhoud] of samenloopPaginas()) {
    if (naam === 'README.md') continue
    const deel = inhoud.split('## Grenzen van dit signaal\n\n')[1]?.split('\n## ')[0] ?? ''
    assert.ok(deel.split('\n').filter((r) => r.startsWith('- ')).length > 0, `${naam}: no limits`)
  }
  const indicatie = (gemeentecode?: string) => [{ oin: '00000001000000000001', product: 'samenloop', bsn: BSN, periode: { van: '2020-01-01' as Datum }, gemeentecode }]
  const feit = (bron: string, gegevens: Record<string, unknown>) => [{ bron, bsn: BSN, sleutel: 'k', geldigVan: '2025-01-01', gegevens, leveringId: 'lev-1', regel: 2 }]
  // Verhuizing: without the gemeente's own code every move is signalled, also one into the gemeente itself.
  const naarUtrecht = feit('brp-mutaties', { datum: '2025-05-01', soortMutatie: 'verhuizing', gemeentecodeVan: '0363', gemeentecodeNaar: '0344', landNaar: '' })
  assert.equal(matchFeiten(naarUtrecht, indicatie('0344'), SAMENLOOP_REGELS).length, 0)
  assert.equal(matchFeiten(naarUtrecht, indicatie(undefined), SAMENLOOP_REGELS).length, 1)
  assert.match(pagina('verhuizing'), /geen gemeentecode.* elke verhuizing een signaal/)
  // SVB: an amount of € 0 is signalled too.
  assert.equal(matchFeiten(feit('svb-uitkeringen', { regeling: 'anw', ingangsdatum: '2025-01-01', einddatum: '', brutoMaandbedragCent: 0, leefsituatie: 'alleenstaand' }), indicatie('0344'), SAMENLOOP_REGELS).length, 1)
  assert.match(pagina('uitkering'), /ook bij een maandbedrag van € 0/)
  // Voertuig: a registration that started before the bijstand is not signalled.
  assert.equal(matchFeiten(feit('rdw-voertuigen', { kenteken: 'GB-22-NL', datumAanvang: '2019-12-31', datumEinde: '', dagwaardeCent: 1 }), indicatie('0344'), SAMENLOOP_REGELS).length, 0)
  assert.match(pagina('voertuig'), /al op naam stond vóór de bijstand/)
  // Studiefinanciering: age is not looked at, while art. 13 lid 2 onder c only excludes residents under 27.
  assert.match(pagina('studiefinanciering'), /jonger dan 27/)
})
