/**
 * Start-up reference of `npm run bench`: the smallest Hono app on @hono/node-server, plain
 * JavaScript run by Node as the compiled service is, answering `GET /healthz`. The service's
 * start is reported next to this one, so Node's own start is not counted as the service's.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
app.get('/readyz', (c) => c.json({ status: 'ready' }));
const server = serve({
  fetch: app.fetch,
  port: Number(process.env.PORT ?? 0),
  hostname: '127.0.0.1',
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
