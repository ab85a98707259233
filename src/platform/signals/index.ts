export type { SignalTables, SignaalRow } from './signal-tables.js'
export { SIGNAAL_STATUSSEN, UITKOMSTEN, naarSignaal, type Signaal, type SignaalStatus, type Terugmelding, type Uitkomst } from './signaal.js'
export { leesCursor, maakCursor } from './cursor.js'
export { legeStaat, lijstSignalen, meldTerug, selecteerNieuwe, slaSignalenOp, signaalOnbekend, vindSignaal, type BestaandeSignalen, type NieuwSignaal, type SignaalFilter } from './signaal-store.js'
