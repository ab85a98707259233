import { redactBsns } from '../../core/index.js'

/**
 * Wraps the log destination so that every finished log line is scrubbed of BSNs (11-proef-valid 9-digit runs),
 * wherever they sit: message, nested fields, error stacks, numbers. Scrubbing the serialised line — not the objects
 * handed to the logger — costs one regular expression per line and never walks request bodies or buffers.
 */
export function redactingDestination(dest: NodeJS.WritableStream): { write(line: string): void } {
  return { write: (line: string) => { dest.write(redactBsns(line)) } }
}

/** Pino options of the application log. */
export const loggerOptions = {
  serializers: {
    // The default request serializer would log the raw URL with its query string; we log the path only, with
    // percent-encoded digits decoded (`%31` → `1`) so that a BSN written that way is scrubbed like any other.
    req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, url: ((req.url ?? '').split('?')[0] ?? '').replace(/%3([0-9])/gi, '$1'), id: req.id }),
  },
}
