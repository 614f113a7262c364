/**
 * Start-up reference of `npm run bench`: the smallest Hono app on @hono/node-server, started the
 * same way as the service (`tsx <script>`), answering `GET /healthz`. The service's time to a
 * healthy /healthz is reported next to this one, so tsx and Node start-up are not counted as ours.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
const server = serve({
  fetch: app.fetch,
  port: Number(process.env.PORT ?? 0),
  hostname: '127.0.0.1',
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
