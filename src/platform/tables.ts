/**
 * The database schema as Kysely sees it. Each platform function owns its tables (declared in its folder) and this
 * file only combines them. Kysely is the port: stores are written once against `Kysely<Tables>` and the SQLite and
 * PostgreSQL dialects are the adapters (the same design Kysely itself uses).
 *
 * Conventions, so both dialects behave alike: times are ISO-8601 UTC strings (`…Z`), dates `YYYY-MM-DD`, money
 * integer cents, JSON as text, booleans as 0/1 integers.
 */
import type { Kysely, Transaction } from 'kysely'
import type { AccessTables } from './access/access-tables.js'
import type { LedgerTables } from './ledger/ledger-tables.js'
import type { OutboxTables } from './events/outbox-tables.js'
import type { PopulationTables } from './population/population-tables.js'
import type { IntakeTables } from './intake/intake-tables.js'
import type { SignalTables } from './signals/signal-tables.js'
import type { DeliveryTables } from './delivery/delivery-tables.js'

export interface Tables extends AccessTables, LedgerTables, OutboxTables, PopulationTables, IntakeTables, SignalTables, DeliveryTables {}

export type Db = Kysely<Tables>
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Kysely<Tables> | Transaction<Tables>
export type SqlDialect = 'sqlite' | 'postgres'
