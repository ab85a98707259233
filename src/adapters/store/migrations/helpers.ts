import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely'

export type MigrationDialect = 'sqlite' | 'postgres'

/** An auto-incrementing 64-bit primary key in either dialect. */
export function withSerialKey<T extends string>(t: CreateTableBuilder<T, never>, dialect: MigrationDialect, name = 'seq') {
  return dialect === 'postgres'
    ? t.addColumn(name, 'bigserial', (c) => c.primaryKey())
    : t.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement())
}

/** Text that must never be null. */
export const notNull = (c: ColumnDefinitionBuilder) => c.notNull()

export interface KnooppuntMigration {
  up(db: Kysely<any>, dialect: MigrationDialect): Promise<void>
}
