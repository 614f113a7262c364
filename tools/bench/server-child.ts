/**
 * The service under load for `npm run bench`: the real app (`createApp`, configured from the
 * environment exactly as `src/server.ts` configures it) on `DATA_DIR`, served by
 * @hono/node-server on 127.0.0.1, plus one bench-only route in the same process and behind the
 * same middleware: `GET /__bench/ref`, a trivial Hono handler returning a small JSON, the
 * reference every route's throughput is compared with. A second, bare Hono app (no middleware)
 * on another port of the same process calibrates what the app's middleware costs. Nothing here
 * is part of the product.
 *
 * Started by tools/bench/run.ts with `fork`; reports `{ port, barePort }` over IPC once listening.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/core/index.js';
import { buildModel } from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/log.js';

const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0' });
const corpus = await loadCorpus(config.dataDir, { maxFileBytes: config.maxFileBytes });
const model = buildModel(corpus);
const app = createApp(
  { model, loadedAt: new Date() },
  {
    corsOrigin: config.corsOrigin,
    maxBodyBytes: config.maxBodyBytes,
    maxDocuments: config.maxDocuments,
    log: createLogger(config.logLevel),
  },
);
app.get('/__bench/ref', (c) => c.json({ ok: true, service: 'citesum', bench: 'reference' }));

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
process.send?.({
  port: main.port,
  barePort: plain.port,
  documents: model.files.length,
  sentences: model.sentences.length,
  topics: model.stories.length,
  log: config.logLevel,
});
process.on('SIGTERM', () => {
  plain.server.close();
  main.server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
