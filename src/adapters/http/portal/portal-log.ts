/** The slice of a pino logger the portal writes to; never given tokens, codes, passwords or BSNs. */
export interface PortalLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export const silentLog: PortalLog = { info() {}, warn() {}, error() {} }
