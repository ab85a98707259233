export { createLedger, lineHash, ledgerUnavailable, type Ledger, type LedgerLine, type LedgerStatus, type Verwerking, type VerifyResult } from './ledger.js'
