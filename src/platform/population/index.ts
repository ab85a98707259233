export type { PopulatieRegelRow, PopulationTables } from './population-tables.js'
export { leesPopulatie, POPULATIE_KOLOMMEN, MUTATIE_KOLOMMEN, type Actie, type IndicatieRegel, type LeesResultaat } from './populatie-csv.js'
export {
  populatie, indicatiesVoor, gewensteBsns, gewenstePerProduct, productenMetBron, registratiesVan, ruimPopulatieOp, vervangingVan, mutatiesVan,
  type Indicatie, type PopulatieResultaat, type PopulatieWijziging,
} from './populatie-service.js'
export { populatieModule, populatieActiviteit } from './populatie-routes.js'
