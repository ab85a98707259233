import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkWebhookUrl, isBlockedAddress, type Resolve } from './url-guard.js'

test('blocked: loopback, private, link-local, unique-local, reserved, and IPv4 hidden in IPv6', () => {
  for (const a of [
    '127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:c0a8:0101::1', 'geen-adres',
  ]) assert.equal(isBlockedAddress(a), true, a)
})

test('allowed: public IPv4 and IPv6, also inside NAT64 and IPv4-mapped forms', () => {
  for (const a of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '192.169.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808', '2a00:1450::1'])
    assert.equal(isBlockedAddress(a), false, a)
})

test('every resolved address must be allowed; demo mode allows private targets', async () => {
  const resolve: Resolve = async (h) => (h === 'mix.example' ? [{ address: '8.8.8.8', family: 4 }, { address: '::1', family: 6 }] : [{ address: '8.8.4.4', family: 4 }])
  await assert.rejects(checkWebhookUrl('https://mix.example/x', { allowPrivateUrls: false, resolve }), { code: 'abonnement.url-geweigerd' })
  assert.equal((await checkWebhookUrl('https://mix.example/x', { allowPrivateUrls: true, resolve })).addresses.length, 2)
  assert.deepEqual((await checkWebhookUrl('https://ok.example/x', { allowPrivateUrls: false, resolve })).addresses, [{ address: '8.8.4.4', family: 4 }])
  await assert.rejects(checkWebhookUrl('gopher://ok.example/x', { allowPrivateUrls: true, resolve }), { code: 'abonnement.url-ongeldig' })
})
