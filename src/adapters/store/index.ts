export { openDatabase, migrateToLatest, openMigratedDatabase, type Database, type StoreConfig } from './database.js'
