import type { Generated } from 'kysely'

export interface OutboxRow {
  seq: Generated<number>
  id: string
  type: string
  /** The event payload as JSON text. */
  data: string
  trace_id: string | null
  aangemaakt: string
  /** When the relay handed it to the bus (NATS mode); null while pending. */
  doorgegeven: string | null
}
export interface BusPositieRow { consument: string; seq: number }
export interface OutboxTables { outbox: OutboxRow; bus_posities: BusPositieRow }
