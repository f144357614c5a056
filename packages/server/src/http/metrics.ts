// Prometheus metrics: process defaults plus request counts and latencies by route.
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Registers `/metrics` and the request instruments on an app. */
export function installMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'certcloud_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'certcloud_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // The instruments of each (method, route, status), looked up once: labelling by object on every request
  // costs more than the rest of the hook.
  const instruments = new Map<string, { count: { inc(): void }; time: { observe(v: number): void } }>();
  app.addHook('onResponse', (req, reply, done) => {
    // The route pattern, never the concrete URL, so no identifier becomes a label.
    const route = req.routeOptions.url ?? 'unmatched';
    const key = `${req.method} ${reply.statusCode} ${route}`;
    let pair = instruments.get(key);
    if (!pair) {
      pair = {
        count: requests.labels({ method: req.method, route, status: reply.statusCode }),
        time: latency.labels({ method: req.method, route }),
      };
      instruments.set(key, pair);
    }
    pair.count.inc();
    pair.time.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  return registry;
}
