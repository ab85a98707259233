export { useResource, type Resource } from './use-resource.js'
export { useBerekening, type BerekeningOpties } from './use-berekening.js'
