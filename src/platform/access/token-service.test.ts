import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeStores } from '../../../test/support/stores.js'
import { AppError, fixedClock } from '../../core/index.js'
import { createKeyring, generateMasterKey } from '../keyring/index.js'
import { createTokenService } from './token-service.js'

const code = (e: unknown) => (e instanceof AppError ? e.code : String(e))

describeStores('token service', (store) => {
  test('a token verified once is not trusted past its expiry, and a tampered copy is still refused', async () => {
    await using database = await store.open()
    const clock = fixedClock('2026-11-28T10:00:00Z')
    const tokens = await createTokenService({ db: database.db, clock, keyring: createKeyring(generateMasterKey()), issuer: 'http://localhost:8080' })
    const { accessToken, expiresIn } = await tokens.issue({ clientId: 'kp-1', oin: '00000001900000001000', scopes: ['samenloop'] }, 60)
    const claims = { clientId: 'kp-1', oin: '00000001900000001000', scopes: ['samenloop'] }
    assert.deepEqual(await tokens.verify(accessToken), claims)
    assert.deepEqual(await tokens.verify(accessToken), claims, 'the same answer the second time')
    const [kop, inhoud, handtekening] = accessToken.split('.')
    const anders = `${kop}.${inhoud}.${handtekening!.slice(0, -4)}${handtekening!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`
    await assert.rejects(tokens.verify(anders), (e) => code(e) === 'token.handtekening-ongeldig' || code(e) === 'token.ongeldig')
    clock.advance((expiresIn - 1) * 1000)
    assert.deepEqual(await tokens.verify(accessToken), claims, 'valid until its last second')
    clock.advance(1000)
    await assert.rejects(tokens.verify(accessToken), (e) => code(e) === 'token.verlopen')
  })
})
