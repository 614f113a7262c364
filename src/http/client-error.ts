import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { HEADERS_TIMEOUT_MS, MAX_HEADER_BYTES, REQUEST_TIMEOUT_MS } from '../core/limits.js';
import type { Logger } from '../log.js';
import { EXPOSED_HEADERS, SECURITY_HEADERS } from './middleware.js';
import {
  CLIENT_ERROR_TITLES,
  type ClientErrorStatus,
  PROBLEM_MEDIA_TYPE,
  problemObject,
} from './problem.js';

/**
 * Requests Node's HTTP server refuses before the app sees them (a request line and headers over
 * `maxHeaderSize`, bytes that are not HTTP/1.1, headers or a body that arrive too slowly) answered
 * like every other error: an RFC 9457 problem with `X-Request-Id`, instead of Node's bare status
 * line. There is no request or response object yet, so the answer is written to the socket.
 */

/** A parser or timeout error as Node's `clientError` event passes it. */
type ClientError = Error & { code?: string; bytesParsed?: number };

/** The socket of `clientError`, with the response in flight on it, if any (Node's own field). */
type ClientSocket = Socket & { _httpMessage?: { headersSent?: boolean } | null };

/** Node's status for a client error (the one it writes when nobody listens), by error code. */
export function clientErrorStatus(code: string | undefined): ClientErrorStatus {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

/** What went wrong, said for the caller. */
function detailOf(status: ClientErrorStatus, code: string | undefined): string {
  switch (status) {
    case 431:
      return `the request line and headers together are larger than ${MAX_HEADER_BYTES} bytes; shorten the URL (a long query) or the headers`;
    case 408:
      return `the request did not arrive in time (its headers within ${HEADERS_TIMEOUT_MS / 1000} s, all of it within ${REQUEST_TIMEOUT_MS / 1000} s)`;
    case 413:
      return 'a chunk extension of the request body is too large';
    default:
      return `the request is not valid HTTP/1.1 and could not be parsed (${code ?? 'parse error'})`;
  }
}

/** Options of {@link answerClientErrors}. */
export interface ClientErrorOptions {
  /** Where a `warn` record of each refused request goes. */
  readonly log?: Logger;
  /** The app's CORS setting: with `*`, browsers may read these answers too. */
  readonly corsOrigin?: '*' | readonly string[];
  /** Called with the status of each refused request (the metrics count them). */
  readonly onRefused?: (status: number) => void;
}

/**
 * Attaches the `clientError` handler to a Node HTTP server. Attach it right after the server is
 * created, before the event loop runs, so no connection is missed. When no answer is possible
 * (the socket is gone, the client reset it, or a response is already in flight on it, which a
 * pipelining client would take for the earlier request's answer) the socket is destroyed.
 *
 * @example
 * const server = serve({ fetch: app.fetch, port }) as Server
 * answerClientErrors(server, { log })
 */
export function answerClientErrors(server: Server, options: ClientErrorOptions = {}): void {
  const { log } = options;
  const cors =
    options.corsOrigin === '*'
      ? `Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: ${EXPOSED_HEADERS}\r\n`
      : '';
  const security = SECURITY_HEADERS.map(([k, v]) => `${k}: ${v}\r\n`).join('');
  server.on('clientError', (err: ClientError, socket: ClientSocket) => {
    if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage) {
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(err.code);
    const title = CLIENT_ERROR_TITLES[status];
    const requestId = randomUUID();
    const body = JSON.stringify(
      problemObject(status, title, detailOf(status, err.code), { requestId }),
    );
    log?.warn({ requestId, status, code: err.code, bytesParsed: err.bytesParsed }, 'client error');
    options.onRefused?.(status);
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\n` +
        `Content-Type: ${PROBLEM_MEDIA_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Cache-Control: no-store\r\n' +
        security +
        cors +
        `Date: ${new Date().toUTCString()}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
    // A client that never closes its side does not keep the socket open.
    socket.setTimeout(5_000, () => socket.destroy());
  });
}
