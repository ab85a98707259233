import { test } from 'node:test'
import assert from 'node:assert/strict'
import { draaiTestgevallen, type Testgeval } from '../../../platform/rules/index.js'
import { berekenBankbeslagVrijbedrag, berekenBeslagvrijeVoet, valideerBankbeslagInvoer, valideerBeslagvrijeVoetInvoer } from '../index.js'
import bvv from './beslagvrije-voet.cases.json' with { type: 'json' }
import bank from './bankbeslag.cases.json' with { type: 'json' }

test('beslagvrije voet: every data-file case matches its source', () => {
  const uitslagen = draaiTestgevallen(bvv.cases as Testgeval[], invoer => ({ ...berekenBeslagvrijeVoet(valideerBeslagvrijeVoetInvoer(invoer)) }))
  const mis = uitslagen.filter(u => !u.geslaagd)
  assert.deepEqual(mis, [], mis.map(m => `${m.naam}: ${m.verschillen.join('; ')}`).join('\n'))
})

test('bankbeslag (art. 475a lid 5/6): every data-file case matches its source', () => {
  const uitslagen = draaiTestgevallen(bank.cases as Testgeval[], invoer => ({ ...berekenBankbeslagVrijbedrag(valideerBankbeslagInvoer(invoer)) }))
  const mis = uitslagen.filter(u => !u.geslaagd)
  assert.deepEqual(mis, [], mis.map(m => `${m.naam}: ${m.verschillen.join('; ')}`).join('\n'))
})
