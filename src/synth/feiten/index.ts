export { werkgevers, polisRegels, svbRegels, vermogenRegels, loonheffing, type Werkgevers } from './inkomen.js'
export { kenteken, rdwRegels, kadasterRegels, kvkRegels } from './bezit.js'
export { onderwijsRegels, mboAanmeldingRegels, studiefinancieringRegels, voProfiel, brin } from './onderwijs.js'
export { wlzRegels, wmoJeugdRegels } from './zorg.js'
export {
  detentieRegels, mutatieRegels, brpPersoonRegel, huishoudenRegel, samenloopRegel, kotRegels, achterstandRegels,
  werkzoekendeRegels, vacatureRegels,
} from './overig.js'
