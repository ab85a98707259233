import { maakParameterRegister, type Parameter } from '../../platform/rules/index.js'
import data from './parameters.json' with { type: 'json' }

/** Dated beslagvrije-voet parameters (art. 475a, 475da Rv), validated at load time. */
export const beslagvrijeVoetParameters = maakParameterRegister('beslagvrije-voet', data.parameters as readonly Parameter[])
