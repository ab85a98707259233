export { useResource, type Resource } from './use-resource.js'
