import { readFileSync, statSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { t } from '../../../../web/src/i18n/index.js'
import { renderMessagePage } from './html-page.js'

/** Paths that belong to the server, never to the SPA's history fallback. */
const SERVER_PATHS = /^\/(api|oidc|portaal|health|metrics)(\/|$)/

/**
 * Finds the built SPA's main stylesheet through Vite's manifest, so server-rendered pages (login) use exactly the
 * portal's CSS. Re-read when the manifest changes, because the demo may build the SPA after the server started.
 */
export function createStylesheetLookup(webDist: string): () => string | undefined {
  const manifest = join(webDist, '.vite', 'manifest.json')
  let cached: { mtime: number; href: string | undefined } | undefined
  return function stylesheet() {
    let mtime: number
    try { mtime = statSync(manifest).mtimeMs } catch { return undefined }
    if (cached?.mtime !== mtime) {
      try {
        const m = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { isEntry?: boolean; css?: string[] }>
        const entry = m['index.html'] ?? Object.values(m).find((e) => e.isEntry)
        cached = { mtime, href: entry?.css?.[0] ? `/${entry.css[0]}` : undefined }
      } catch {
        cached = { mtime, href: undefined }
      }
    }
    return cached.href
  }
}

function safeDecode(path: string): string | undefined {
  try { return decodeURIComponent(path) } catch { return undefined }
}

function isFile(path: string): boolean {
  try { return statSync(path).isFile() } catch { return false }
}

/**
 * Serves the SPA from `webDist`: real files as they are (hashed assets cached for a year), every other GET that
 * is not a server path gets index.html (history fallback), and server paths fall through to the server's 404.
 */
export function spaRoutes(o: { webDist: string }): FastifyPluginAsync {
  const root = resolve(o.webDist)
  return async function portaalSpa(app) {
    await app.register(fastifyStatic, { root, serve: false, index: false })
    const sendIndex = (reply: FastifyReply) => {
      if (!isFile(join(root, 'index.html'))) {
        return reply.code(503).type('text/html; charset=utf-8').send(renderMessagePage({
          title: t('portaal.niet-gebouwd.titel'), text: t('portaal.niet-gebouwd.tekst'), stylesheet: undefined,
        }))
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false })
    }
    app.get('/', async function spaIndex(_request, reply) { return sendIndex(reply) })
    app.get('/*', async function spaFile(request, reply) {
      const path = safeDecode(new URL(request.url, 'http://x').pathname)
      if (path === undefined || SERVER_PATHS.test(path) || path.includes('/.')) return reply.callNotFound()
      const file = resolve(root, `.${path}`)
      if (file.startsWith(root + sep) && isFile(file)) {
        const hashed = path.startsWith('/assets/')
        return reply.sendFile(file.slice(root.length + 1), root, hashed ? { maxAge: '365d', immutable: true } : { maxAge: 0 })
      }
      // A missing asset is a real 404; only page paths fall back to the app.
      if (/\.[a-z0-9]{1,8}$/i.test(path)) return reply.callNotFound()
      return sendIndex(reply)
    })
  }
}
