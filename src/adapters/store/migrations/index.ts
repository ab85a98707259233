import type { KnooppuntMigration } from './helpers.js'
import { foundation } from './0001-foundation.js'
import { werkEnInkomen } from './0002-werk-en-inkomen.js'
import { deliveryDodeBrieven } from './0003-delivery-dode-brieven.js'
import { kwijtschelding } from './0004-kwijtschelding.js'
import { bvvVerzoeklog } from './0005-bvv-verzoeklog.js'
import { ledgerActorIndex } from './0006-ledger-actor-index.js'
import { matchingFeitenVolgorde } from './0007-matching-feiten-volgorde.js'
import { deliveryGebeurtenissen } from './0008-delivery-gebeurtenissen.js'
import { bronMachtigingen } from './0009-bron-machtigingen.js'
import { feitenIndexDubbel } from './0010-feiten-index-dubbel.js'
import { portaalSessies } from './0011-portaal-sessies.js'
import { ledgerBetrokkeneKort } from './0012-ledger-betrokkene-kort.js'
import { leveringenBijgewerkt } from './0013-leveringen-bijgewerkt.js'
import { afleveringenVoorafVastgelegd } from './0014-afleveringen-vooraf-vastgelegd.js'

/**
 * Every migration in order. Names never change once released; a new change is a new entry. Each runs in both
 * dialects (the `dialect` argument covers the few places where they differ).
 */
export const migrations: ReadonlyArray<readonly [name: string, migration: KnooppuntMigration]> = [
  ['0001-foundation', foundation],
  ['0002-werk-en-inkomen', werkEnInkomen],
  ['0003-delivery-dode-brieven', deliveryDodeBrieven],
  ['0004-kwijtschelding', kwijtschelding],
  ['0005-bvv-verzoeklog', bvvVerzoeklog],
  ['0006-ledger-actor-index', ledgerActorIndex],
  ['0007-matching-feiten-volgorde', matchingFeitenVolgorde],
  ['0008-delivery-gebeurtenissen', deliveryGebeurtenissen],
  ['0009-bron-machtigingen', bronMachtigingen],
  ['0010-feiten-index-dubbel', feitenIndexDubbel],
  ['0011-portaal-sessies', portaalSessies],
  ['0012-ledger-betrokkene-kort', ledgerBetrokkeneKort],
  ['0013-leveringen-bijgewerkt', leveringenBijgewerkt],
  ['0014-afleveringen-vooraf-vastgelegd', afleveringenVoorafVastgelegd],
]
export type { KnooppuntMigration, MigrationDialect } from './helpers.js'
