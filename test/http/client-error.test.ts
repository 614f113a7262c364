import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientErrors } from '../../src/http/client-error.js';
import { memoryLogger } from '../memory-logger.js';
import { parseAnswer, type RawAnswer, rawRequest } from './raw-http.js';

/**
 * Requests Node's HTTP server refuses before any app sees them (unparseable, oversized head,
 * too slow), answered as RFC 9457 problems: a bare Node HTTP server with the handler attached.
 */

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function listen(options: Parameters<typeof createServer>[0] = {}) {
  const { logger, records } = memoryLogger();
  server = createServer(options, (_req, res) => res.end('ok'));
  answerClientErrors(server, { log: logger, corsOrigin: '*' });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, records };
}

/** Asserts the problem answer the handler writes and returns its body. */
function expectRawProblem(answer: RawAnswer, status: number, title: string) {
  expect(answer.status, answer.raw.slice(0, 300)).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers['connection']).toBe('close');
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['access-control-allow-origin']).toBe('*');
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body).toEqual({
    type: 'about:blank',
    title,
    status,
    detail: expect.any(String),
    requestId: answer.headers['x-request-id'],
  });
  expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  return body as { detail: string; requestId: string };
}

describe('answerClientErrors', () => {
  it('answers a request line and headers over maxHeaderSize with a 431 problem', async () => {
    const { url, records } = await listen({ maxHeaderSize: 1024 });
    const answer = await rawRequest(url, `GET /?q=${'a'.repeat(2000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const body = expectRawProblem(answer, 431, 'Request Header Fields Too Large');
    expect(body.detail).toMatch(/request line and headers .* larger than/);
    expect(records).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'client error',
        status: 431,
        code: 'HPE_HEADER_OVERFLOW',
        requestId: body.requestId,
      }),
    ]);
  });

  it('answers a malformed request with a 400 problem naming the parser error', async () => {
    const { url } = await listen();
    const bad = await rawRequest(url, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n');
    expect(expectRawProblem(bad, 400, 'Bad Request').detail).toMatch(
      /not valid HTTP\/1\.1.*HPE_INVALID_HEADER_TOKEN/,
    );
    const tls = await rawRequest(url, '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03');
    expectRawProblem(tls, 400, 'Bad Request');
  });

  it('answers headers that never finish with a 408 problem once headersTimeout passes', async () => {
    const { url } = await listen({
      headersTimeout: 300,
      requestTimeout: 600,
      connectionsCheckingInterval: 50,
    } as Parameters<typeof createServer>[0]);
    const answer = await rawRequest(url, 'GET / HTTP/1.1\r\nHost: x\r\n');
    expectRawProblem(answer, 408, 'Request Timeout');
  });

  it('answers a malformed request after a good one on a kept-alive connection, then closes', async () => {
    const { url } = await listen();
    const { port } = new URL(url);
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: Number(port) });
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        const first = text === '';
        text += chunk;
        if (first) socket.write('GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n');
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    expect(received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const second = parseAnswer(received.slice(received.indexOf('HTTP/1.1', 1)));
    expectRawProblem(second, 400, 'Bad Request');
  });

  it('closes without an answer when the malformed request is pipelined behind one still being answered', async () => {
    const { url } = await listen();
    const answer = await rawRequest(
      url,
      'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
    );
    // The first request's answer may or may not have left; a 400 must never stand in for it.
    expect(answer.raw).not.toContain('400 Bad Request');
  });
});
