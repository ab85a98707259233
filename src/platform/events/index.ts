export type { BatchHandler, BatchOptions, Bus, EventHandler, HubEvent, NewEvent } from './event.js'
export { appendToOutbox, readOutbox, toHubEvent } from './outbox.js'
export { EVENT_TYPES, isRegisteredEventType, type EventType } from './event-types.js'
export { createInProcessBus, assertConsumerName, batchLimit, type BusLog, type InProcessBusDeps } from './in-process-bus.js'
