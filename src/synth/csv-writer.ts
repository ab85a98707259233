import { createHash, type Hash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { bestandsFout } from './synth-fout.js'

/** What the manifest records about one written file. */
export interface BestandInfo {
  readonly naam: string
  /** Data lines, the header not counted. */
  readonly regels: number
  readonly bytes: number
  readonly sha256: string
}

const FLUSH_AT = 1 << 17

/**
 * A streaming `;`-separated CSV file. Rows are buffered into ~128 KiB chunks, hashed as they are written (no second
 * read for the manifest) and handed to a write stream; `ready()` waits for backpressure so memory stays bounded.
 */
export class CsvWriter {
  regels = 0
  private bytes = 0
  private parts: string[] = []
  private pending = 0
  private readonly hash: Hash = createHash('sha256')
  private readonly stream: WriteStream
  private readonly pad: string
  private drain: Promise<void> | undefined
  private fout: Error | undefined

  constructor(dir: string, readonly naam: string, header: readonly string[]) {
    this.pad = join(dir, naam)
    this.stream = createWriteStream(this.pad)
    this.stream.on('error', (e) => { this.fout ??= e })
    this.parts.push(header.join(';'))
    this.pending = 1
  }

  /** Adds one line (without newline). Values must not contain `;`, quotes or newlines: generators guarantee that. */
  row(line: string): void {
    this.parts.push(line)
    this.regels++
    this.pending += line.length + 1
    if (this.pending >= FLUSH_AT) this.flush()
  }

  /** True when the stream asked us to wait; the caller then awaits `ready()`. */
  get belemmerd(): boolean {
    return this.drain !== undefined || this.fout !== undefined
  }

  async ready(): Promise<void> {
    if (this.drain) await this.drain
    if (this.fout) throw bestandsFout(this.fout, this.pad)
  }

  private flush(): void {
    if (this.parts.length === 0) return
    const buf = Buffer.from(`${this.parts.join('\n')}\n`, 'utf8')
    this.parts = []
    this.pending = 0
    this.hash.update(buf)
    this.bytes += buf.length
    if (!this.stream.write(buf) && !this.drain) {
      this.drain = new Promise<void>((resolve) => {
        const done = (): void => { this.drain = undefined; this.stream.off('error', done); this.stream.off('drain', done); resolve() }
        this.stream.once('drain', done)
        this.stream.once('error', done)
      })
    }
  }

  /** Flushes, closes and returns the file's manifest entry. */
  async close(): Promise<BestandInfo> {
    this.flush()
    await this.ready()
    await new Promise<void>((resolve) => this.stream.end(resolve))
    if (this.fout) throw bestandsFout(this.fout, this.pad)
    return { naam: this.naam, regels: this.regels, bytes: this.bytes, sha256: this.hash.digest('hex') }
  }

  /** Closes without caring about the content (after an error elsewhere). */
  abort(): void {
    this.stream.destroy()
  }
}
