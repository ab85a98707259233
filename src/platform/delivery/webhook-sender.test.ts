import assert from 'node:assert/strict'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { test } from 'node:test'
import { createWebhookSender } from './webhook-sender.js'

/**
 * A receiver that resets the connection instead of answering the `reset`-th request on each connection (1 = the
 * first, on a fresh connection; 2 = the second, on a kept-alive one — what a receiver's idle timeout does when it
 * comes due just as a request arrives). Counts every request it read.
 */
async function receiver(reset: number) {
  const perSocket = new WeakMap<Socket, number>()
  let gezien = 0
  const server = createServer((req: IncomingMessage, res) => {
    req.resume()
    req.on('end', () => {
      gezien++
      const n = (perSocket.get(req.socket) ?? 0) + 1
      perSocket.set(req.socket, n)
      if (n === reset) req.socket.resetAndDestroy()
      else res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    target: { url: new URL(`http://127.0.0.1:${port}/h`), addresses: [{ address: '127.0.0.1', family: 4 as const }] },
    get gezien() { return gezien },
    [Symbol.asyncDispose]: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }),
  }
}

test('a reset on a kept-alive connection before any answer is sent again at once on another connection', async () => {
  await using ontvanger = await receiver(2)
  const sender = createWebhookSender({ timeoutMs: 2000, maxSockets: 1 })
  try {
    assert.deepEqual((await sender.post(ontvanger.target, '{}', {})).ok, true)
    const tweede = await sender.post(ontvanger.target, '{}', {}) // goes out on the kept-alive connection, which is reset
    assert.deepEqual([tweede.ok, tweede.httpStatus, tweede.fout], [true, 204, null])
    assert.equal(ontvanger.gezien, 3, 'the reset request, then once more on a new connection')
  } finally { sender.close() }
})

test('a reset on a fresh connection is a failed attempt (not sent again here: the retry schedule decides)', async () => {
  await using ontvanger = await receiver(1)
  const sender = createWebhookSender({ timeoutMs: 2000, maxSockets: 1 })
  try {
    const r = await sender.post(ontvanger.target, '{}', {})
    assert.equal(r.ok, false)
    assert.equal(r.httpStatus, null)
    assert.match(r.fout ?? '', /^ECONNRESET/)
    assert.equal(ontvanger.gezien, 1)
  } finally { sender.close() }
})
