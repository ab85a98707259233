import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** Prometheus metrics of one hub instance (its own registry so tests can create several hubs). */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'knooppunt_' })
  const httpDuration = new Histogram({
    name: 'knooppunt_http_request_duration_seconds', help: 'Duur van HTTP-verzoeken', registers: [registry],
    labelNames: ['method', 'route', 'status'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  })
  const ledgerLines = new Counter({ name: 'knooppunt_logboek_regels_total', help: 'Geschreven logboekregels', registers: [registry], labelNames: ['product'] })
  const guardRemoved = new Counter({ name: 'knooppunt_uitvoer_velden_verwijderd_total', help: 'Velden die de output guard tegenhield', registers: [registry], labelNames: ['product'] })
  return { registry, httpDuration, ledgerLines, guardRemoved }
}
export type Metrics = ReturnType<typeof createMetrics>
