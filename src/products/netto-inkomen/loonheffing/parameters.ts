import { maakParameterRegister, type Parameter } from '../../../platform/rules/index.js'
import data from './parameters.json' with { type: 'json' }

/**
 * The dated amounts behind the white monthly loonheffing table: Wet IB 2001 art. 2.10/2.10a (schijven, tarieven),
 * art. 8.10/8.11/8.17/8.18 (heffingskortingen), the premiepercentages volksverzekeringen, and the table step of the
 * monthly table. One value per calendar year 2022–2026; any other date is refused (`regels.parameter-onbekend`).
 */
export const loonheffingParameters = maakParameterRegister('netto-inkomen', data.parameters as readonly Parameter[])
