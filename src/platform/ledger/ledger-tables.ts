export interface LedgerRow {
  // Assigned by the ledger itself (not the database), so the hash chain can include it.
  seq: number
  id: string
  trace_id: string
  span_id: string
  parent_span_id: string | null
  activiteit: string
  verwerkingsactiviteit: string
  product: string
  /** HMAC of the BSN under the hub's key: lets inzage find lines without storing the BSN in the clear. */
  betrokkene_ref: string
  /** The BSN, AES-256-GCM encrypted at rest. */
  betrokkene_versleuteld: string
  actor_oin: string
  gestart: string
  beeindigd: string
  status: string
  vorige_hash: string
  hash: string
}
export interface LedgerKopRow { id: number; seq: number; hash: string }
export interface LedgerTables { ledger: LedgerRow; ledger_kop: LedgerKopRow }
