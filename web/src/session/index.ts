export { SessionProvider, useSession, useSessie, type SessionState } from './session-context.js'
