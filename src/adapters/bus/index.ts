export { createNatsBus, type NatsBusDeps } from './nats-bus.js'
