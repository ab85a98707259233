import type { BronFormaat } from './bron-formaat.js'
import { belastingdienstKotDoelgroep } from './belastingdienst-kot-doelgroep.js'
import { belastingdienstVermogen } from './belastingdienst-vermogen.js'
import { brpMutaties } from './brp-mutaties.js'
import { brpPersonen } from './brp-personen.js'
import { djiDetenties } from './dji-detenties.js'
import { duoStudiefinanciering } from './duo-studiefinanciering.js'
import { kadasterEigendom } from './kadaster-eigendom.js'
import { kvkInschrijvingen } from './kvk-inschrijvingen.js'
import { rdwVoertuigen } from './rdw-voertuigen.js'
import { svbUitkeringen } from './svb-uitkeringen.js'
import { uwvPolis } from './uwv-polis.js'

export type { BronFeit, BronFormaat, Lezing, RegelProbleem, Waarde } from './bron-formaat.js'

/** Every source format the hub takes in, by name (the `{bron}` in `/bronnen/{bron}/…`). */
export const BRON_FORMATEN: ReadonlyMap<string, BronFormaat> = new Map([
  uwvPolis, rdwVoertuigen, svbUitkeringen, belastingdienstVermogen, belastingdienstKotDoelgroep, duoStudiefinanciering,
  djiDetenties, brpMutaties, brpPersonen, kadasterEigendom, kvkInschrijvingen,
].map((f) => [f.naam, f]))
