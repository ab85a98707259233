export { Rekenstappen, veldnaam, invoerWaarde, parameterWaarde } from './Rekenstappen.js'
