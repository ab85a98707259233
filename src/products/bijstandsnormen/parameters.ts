import { maakParameterRegister, type Parameter } from '../../platform/rules/index.js'
import data from './parameters.json' with { type: 'json' }

/** The dated bijstandsnormen and vermogensgrenzen, validated at load time. */
export const bijstandsnormParameters = maakParameterRegister('bijstandsnormen', data.parameters as readonly Parameter[])
