/**
 * The service under load for `npm run bench`: the real app (`createApp`, configured from the
 * environment exactly as `src/server.ts` configures it, with its worker pool and the model read
 * from the index by the builder thread) on `DATA_DIR`, served by
 * @hono/node-server on 127.0.0.1, plus one bench-only route in the same process and behind the
 * same middleware: `GET /__bench/ref`, a trivial Hono handler returning a small JSON, the
 * reference every route's throughput is compared with. A second, bare Hono app (no middleware)
 * on another port of the same process calibrates what the app's middleware costs. Nothing here
 * is part of the product.
 *
 * Started by tools/bench/http-bench.ts with `fork`; reports `{ port, barePort }` over IPC once listening.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../../src/config.js';
import { corpusStats } from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';
import { sendJson } from '../../src/http/respond.js';
import { createLogger } from '../../src/log.js';
import { ModelPublisher } from '../../src/workers/publisher.js';

const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0' });
const log = createLogger(config.logLevel);
const workers = new ModelPublisher(config, log);
const first = await workers.open();
workers.commit(first);
const model = first.view;
const app = createApp(
  { model, loadedAt: new Date() },
  {
    corsOrigin: config.corsOrigin,
    maxBodyBytes: config.maxBodyBytes,
    maxDocuments: config.maxDocuments,
    compute: workers.compute,
    log,
  },
);
// Written as the app's API routes answer (sendJson: base headers and its own in one plain object).
app.get('/__bench/ref', (c) =>
  sendJson(c, { ok: true, service: 'citesum', bench: 'reference' }, 200),
);

const bare = new Hono();
bare.get('/__bench/ref', (c) => c.json({ ok: true, service: 'citesum', bench: 'reference' }));

const listen = (fetch: typeof app.fetch) =>
  new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
  });
const main = await listen(app.fetch);
const plain = await listen(bare.fetch);
const stats = corpusStats(model);
process.send?.({
  port: main.port,
  barePort: plain.port,
  documents: stats.documents,
  sentences: stats.sentences,
  topics: stats.topics,
  log: config.logLevel,
});
process.on('SIGTERM', () => {
  plain.server.close();
  main.server.close(() => void workers.close().then(() => process.exit(0)));
});
process.on('disconnect', () => process.exit(0));
