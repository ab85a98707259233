import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { AppError } from '../../core/index.js'

/** What a derived key is for; each purpose gets its own key so one leaking does not expose the others. */
export type KeyPurpose = 'ledger-ref' | 'ledger-enc' | 'sleutel-wrap' | 'sessie' | 'webhook-secret'

/**
 * All secrets of the hub derive from one 32-byte master key (HKDF-SHA256, one key per purpose). Production
 * deployments keep the master key in a secret store; the demo keeps it in the data folder.
 */
export interface Keyring {
  /** Deterministic keyed hash (HMAC-SHA256, hex): finds records by BSN without storing the BSN in the clear. */
  ref(purpose: KeyPurpose, value: string): string
  /** AES-256-GCM; output is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(purpose: KeyPurpose, plaintext: string): string
  decrypt(purpose: KeyPurpose, sealed: string): string
  key(purpose: KeyPurpose): Buffer
}

export function createKeyring(masterKey: Buffer): Keyring {
  if (masterKey.length !== 32) throw new AppError('invalid', 'sleutel.master-ongeldig', 'de hoofdsleutel moet 32 bytes zijn (64 hexadecimale tekens)')
  const cache = new Map<KeyPurpose, Buffer>()
  const key = (purpose: KeyPurpose): Buffer => {
    let k = cache.get(purpose)
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `knooppunt/${purpose}`, 32))
      cache.set(purpose, k)
    }
    return k
  }
  return {
    key,
    ref: (purpose, value) => createHmac('sha256', key(purpose)).update(value).digest('hex'),
    encrypt(purpose, plaintext) {
      const iv = nieuweIv()
      const cipher = createCipheriv('aes-256-gcm', key(purpose), iv)
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.')
    },
    decrypt(purpose, sealed) {
      const [v, iv, tag, ct] = sealed.split('.')
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new AppError('internal', 'sleutel.ontsleutelen-mislukt', 'versleutelde waarde heeft een onbekend formaat')
      try {
        const d = createDecipheriv('aes-256-gcm', key(purpose), Buffer.from(iv, 'base64url'))
        d.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8')
      } catch {
        throw new AppError('internal', 'sleutel.ontsleutelen-mislukt', 'ontsleutelen mislukt (verkeerde sleutel of gewijzigde gegevens)')
      }
    },
  }
}

export const generateMasterKey = (): Buffer => randomBytes(32)

/**
 * A fresh random 96-bit GCM nonce, cut from a pool of 4 KB of CSPRNG output: one `randomBytes` call per 341 nonces
 * instead of one per encryption (the ledger encrypts a BSN per line, millions in a batch run, and each call cost
 * microseconds). Bytes are handed out once and never reused; each nonce is as random as its own call would be.
 */
function nieuweIv(): Buffer {
  if (ivPos + 12 > ivPool.length) { ivPool = randomBytes(4092); ivPos = 0 }
  const iv = ivPool.subarray(ivPos, ivPos + 12)
  ivPos += 12
  return iv
}
let ivPool = Buffer.alloc(0)
let ivPos = 0
