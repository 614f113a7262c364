import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from './config.js';
import { HEADERS_TIMEOUT_MS, MAX_HEADER_BYTES, REQUEST_TIMEOUT_MS } from './core/limits.js';
import { answerClientErrors } from './http/client-error.js';
import type { Logger } from './log.js';

/** A fetch handler as @hono/node-server calls it (the app's `fetch`, or the start's). */
export type FetchHandler = (req: Request, env: unknown) => Response | Promise<Response>;

/** The HTTP server of the service: its handler can be swapped, and it drains. */
export interface Listener {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  /** Answers being written now (requests in flight). */
  readonly inFlight: number;
  /** Hands every later request to `handler`. */
  use(handler: FetchHandler): void;
  /**
   * Stops accepting connections, closes the idle ones, and makes every answer (those in flight
   * included) close its connection. Resolves `true` once every connection closed, or `false` after
   * `timeoutMs`, with the connections still open closed. Calling it again returns the same promise.
   */
  drain(timeoutMs?: number): Promise<boolean>;
}

/** Options of {@link listen}. */
export interface ListenOptions {
  readonly log: Logger;
  /** Called with the status of each request Node's parser refused (src/http/client-error.ts). */
  readonly onRefused?: (status: number) => void;
}

/**
 * Listens on `HOST:PORT` with `handler` (Node's limits on header size and request time, the
 * client-error answers), tracking the answers in flight so a shutdown can drain them. Resolves
 * once listening; rejects when the port cannot be bound.
 */
export function listen(
  config: Config,
  handler: FetchHandler,
  options: ListenOptions,
): Promise<Listener> {
  let current = handler;
  const inFlight = new Set<ServerResponse>();
  let draining: Promise<boolean> | undefined;
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (req, env) => current(req, env),
        port: config.port,
        hostname: config.host,
        serverOptions: {
          maxHeaderSize: MAX_HEADER_BYTES,
          headersTimeout: HEADERS_TIMEOUT_MS,
          requestTimeout: REQUEST_TIMEOUT_MS,
        },
      },
      () => {
        const { port } = server.address() as AddressInfo;
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        resolve({
          server,
          port,
          url: `http://${host}:${port}`,
          get inFlight() {
            return inFlight.size;
          },
          use: (next) => (current = next),
          drain: (timeoutMs = Infinity) => (draining ??= drainServer(server, inFlight, timeoutMs)),
        });
      },
    ) as Server;
    // Before the event loop runs, so no connection is accepted without them.
    answerClientErrors(server, {
      log: options.log,
      corsOrigin: config.corsOrigin,
      ...(options.onRefused ? { onRefused: options.onRefused } : {}),
    });
    server.on('request', (_req, res: ServerResponse) => {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
      // An answer started during a shutdown closes its connection (its headers come later).
      if (draining) res.setHeader('Connection', 'close');
    });
    server.once('error', reject);
  });
}

async function drainServer(
  server: Server,
  inFlight: ReadonlySet<ServerResponse>,
  timeoutMs: number,
): Promise<boolean> {
  for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection whose answer was already being written goes idle when it ends.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => {
      if (Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!finished) {
    server.closeAllConnections();
    await closed;
  }
  return finished;
}
