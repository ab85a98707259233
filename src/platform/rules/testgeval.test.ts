import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AppError } from '../../core/index.js'
import { draaiTestgevallen } from './index.js'

test('the case runner reports each case, compares fields and expected error codes, and never throws', () => {
  const uit = draaiTestgevallen(
    [
      { naam: 'goed', peildatum: '2025-01-01', invoer: { x: 2 }, verwacht: { y: 4 }, bron: 't' },
      { naam: 'fout bedrag', peildatum: '2025-01-01', invoer: { x: 2 }, verwacht: { y: 5 }, bron: 't' },
      { naam: 'verwachte fout', peildatum: '2025-01-01', invoer: { x: -1 }, verwachteFout: 'neg', bron: 't' },
      { naam: 'onverwachte fout', peildatum: '2025-01-01', invoer: { x: -1 }, verwacht: { y: 1 }, bron: 't' },
    ],
    invoer => {
      if ((invoer.x as number) < 0) throw new AppError('invalid', 'neg', 'negatief')
      return { y: (invoer.x as number) * 2, peildatum: invoer.peildatum }
    },
  )
  assert.deepEqual(uit.map(u => u.geslaagd), [true, false, true, false])
  assert.match(uit[1]!.verschillen[0]!, /verwacht 5, kreeg 4/)
})
