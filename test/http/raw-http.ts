import { connect } from 'node:net';

/** An HTTP/1.1 answer as read off the socket: status, lower-cased headers and body. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Everything the server sent, for several answers on one connection. */
  readonly raw: string;
}

/** Parses the first HTTP/1.1 answer of `raw`. */
export function parseAnswer(raw: string): RawAnswer {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? NaN);
  const rest = split >= 0 ? raw.slice(split + 4) : '';
  const body = Number.isFinite(length) ? Buffer.from(rest).subarray(0, length).toString() : rest;
  return { status: Number(statusLine.split(' ')[1]), headers, body, raw };
}

/**
 * Sends raw bytes to `url`'s host and port over node:net and resolves with everything the server
 * wrote before it closed the connection (or `timeoutMs` passed), parsed as one answer.
 */
export function rawRequest(url: string, bytes: string, timeoutMs = 10_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', (err) => {
      clearTimeout(timer);
      if (received) resolve(parseAnswer(received));
      else reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseAnswer(received));
    });
    socket.write(bytes);
  });
}
