import { type ChildProcess, spawn } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { defaultIndexDir } from '../src/store/index-dir.js';
import { type RunningServer, startServer } from '../src/server.js';
import type { components, paths } from './generated/citesum-api.js';
import { rawRequest } from './http/raw-http.js';
import { memoryLogger } from './memory-logger.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
type Citation = components['schemas']['Citation'];

/** The real service, its sources run by tsx (`npm run dev`), on a random port, logging JSON lines. */
class ServerProcess {
  readonly lines: Record<string, unknown>[] = [];
  readonly exited: Promise<number | null>;
  stderr = '';
  #waiters: {
    test: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];

  constructor(readonly child: ChildProcess) {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const record = JSON.parse(line) as Record<string, unknown>;
          this.lines.push(record);
          this.#waiters = this.#waiters.filter((w) =>
            w.test(record) ? (w.resolve(record), false) : true,
          );
        } catch {
          /* not a log line */
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(env: Record<string, string>): ServerProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServerProcess(child);
  }

  /** Resolves with the first log record (past or future) that passes `test`. */
  waitFor(
    test: (l: Record<string, unknown>) => boolean,
    timeoutMs = 60_000,
  ): Promise<Record<string, unknown>> {
    const seen = this.lines.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `timed out waiting for a log line; got:\n${this.lines.map((l) => JSON.stringify(l)).join('\n')}\n${this.stderr}`,
            ),
          ),
        timeoutMs,
      );
      this.#waiters.push({ test, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      void this.exited.then((code) =>
        reject(new Error(`server exited with ${code}:\n${this.stderr}`)),
      );
    });
  }

  async url(): Promise<string> {
    return (await this.waitFor((l) => l.msg === 'listening')).url as string;
  }

  /** The URL, once the service is ready (it listens before its corpus is loaded). */
  async readyUrl(): Promise<string> {
    await this.waitFor((l) => l.msg === 'ready');
    return this.url();
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** The key the generated-client suite's server runs with (its probes are open, the rest is not). */
const API_KEY = 'generated-client-key_0123456789';
const withKey = { Authorization: `Bearer ${API_KEY}` };

// The generated types declare what a keyed service answers: a 401 problem on every operation.
type Unauthorized =
  paths['/v1/topics']['get']['responses'][401]['content']['application/problem+json'];
const _unauthorized: Unauthorized['status'] = 401;

describe('the real server, through a client generated from schemas/openapi.json', () => {
  let dataDir: string;
  let server: ServerProcess;
  // `paths` only: every operation has one success media type, so the answers are typed exactly.
  let client: ReturnType<typeof createClient<paths>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'citesum-server-'));
    await cp(path.join(ROOT, 'data'), dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'broken.txt'), Buffer.from([0x41, 0x00, 0x42]));
    // Prose that is all appeal: it yields no content sentence, which the service must say.
    await writeFile(
      path.join(dataDir, 'appeal.txt'),
      'Please support our independent journalism with a donation today.\n\nThank you for reading, and for standing with us.\n',
    );
    server = ServerProcess.start({ DATA_DIR: dataDir, API_KEY });
    // The key as the document's bearer scheme says: `Authorization: Bearer <key>` on every call.
    client = createClient<paths>({ baseUrl: await server.readyUrl(), headers: withKey });
  }, 90_000);

  it('is refused without the key (401 problem, WWW-Authenticate) except on the probes', async () => {
    const keyless = createClient<paths>({ baseUrl: await server.url() });
    const topics = await keyless.GET('/v1/topics');
    expect(topics.response.status).toBe(_unauthorized);
    expect(topics.response.headers.get('www-authenticate')).toBe('Bearer realm="citesum"');
    expect(topics.error).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await keyless.GET('/readyz')).response.status).toBe(200);
    expect((await keyless.GET('/healthz')).data).toMatchObject({ status: 'ok', ready: true });
    expect((await client.GET('/healthz')).data!.documents).toBe(6);
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(defaultIndexDir(dataDir), { recursive: true, force: true });
  });

  it('logs the files it skipped at start, and lists them', async () => {
    const skipped = await server.waitFor((l) => l.msg === 'skipped file');
    expect(skipped).toMatchObject({
      level: 'warn',
      file: 'broken.txt',
      reason: expect.stringMatching(/binary/),
    });
    const { data } = await client.GET('/v1/documents');
    expect(data!.skipped).toEqual([{ file: 'broken.txt', reason: skipped.reason }]);
    expect(data!.documents).toHaveLength(6);
  });

  it('warns that a file of prose yields no content sentence, and flags it with the reasons in the documents list', async () => {
    const warned = await server.waitFor((l) =>
      String(l.msg).startsWith('files of prose yield no content'),
    );
    expect(warned).toMatchObject({ level: 'warn', count: 1, files: ['appeal.txt'] });
    const loaded = await server.waitFor((l) => l.msg === 'corpus loaded');
    expect(loaded).toMatchObject({ proseWithoutContent: 1, copies: 0 });
    const { data } = await client.GET('/v1/documents');
    const appeal = data!.documents.find((d) => d.file === 'appeal.txt')!;
    expect(appeal.sentenceCount).toBe(0);
    expect(appeal.noContent).toMatchObject({ share: 1, reasons: { 'call-to-action': 2 } });
    expect(data!.documents.filter((d) => d.noContent).map((d) => d.file)).toEqual(['appeal.txt']);
  });

  it('lists topics, summarizes one, verifies its citations, and reports them stale once the file changes', async () => {
    const topics = await client.GET('/v1/topics');
    expect(topics.response.status).toBe(200);
    const topic = topics.data!.topics[0]!;

    const summary = await client.GET('/v1/topics/{topicId}/summary', {
      params: { path: { topicId: topic.id }, query: { maxSentences: 5 } },
    });
    expect(summary.response.status).toBe(200);
    expect(summary.data!.topic!.id).toBe(topic.id);
    const citations: Citation[] = summary.data!.sentences.flatMap((s) => s.citations);
    expect(citations.length).toBeGreaterThan(0);

    const before = await client.POST('/v1/citations/verify', { body: { citations } });
    expect(before.response.status).toBe(200);
    expect(before.data!.results.map((r) => r.status)).toEqual(citations.map(() => 'verified'));

    const changed = citations[0]!.file;
    const oldCorpus = summary.data!.corpus;
    await appendFile(path.join(dataDir, changed), '\nA line added after the summary was made.\n');
    const reloaded = await server.waitFor(
      (l) => l.msg === 'corpus reloaded' && l.previous === oldCorpus,
      30_000,
    );
    expect(reloaded.corpus).not.toBe(oldCorpus);

    const after = await client.POST('/v1/citations/verify', { body: { citations } });
    expect(after.data!.corpus).toBe(reloaded.corpus);
    expect(after.data!.results.map((r) => r.status)).toEqual(
      citations.map((c) => (c.file === changed ? 'stale' : 'verified')),
    );
    const health = await client.GET('/healthz');
    expect(health.data!.corpus).toBe(reloaded.corpus);
  }, 60_000);

  it('answers errors as problem+json through the client', async () => {
    const res = await client.GET('/v1/topics/{topicId}/summary', {
      params: { path: { topicId: 'nope' } },
    });
    expect(res.response.status).toBe(404);
    expect(res.response.headers.get('content-type')).toBe('application/problem+json');
    expect(res.error).toMatchObject({ status: 404, detail: expect.stringContaining('topicId') });
  });

  it('logs one JSON line per request with its request id', async () => {
    const res = await fetch(`${await server.url()}/healthz`, {
      headers: { 'X-Request-Id': 'server-test-1' },
    });
    expect(res.status).toBe(200);
    const line = await server.waitFor(
      (l) => l.msg === 'request' && l.requestId === 'server-test-1',
      10_000,
    );
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
  });

  it('answers a 20,000-character query string with a problem naming the parameter, and a longer request line with a 431 problem', async () => {
    const url = await server.url();
    const long = await fetch(`${url}/v1/summary?query=${'a'.repeat(20_000)}`, { headers: withKey });
    expect(long.status).toBe(400);
    expect(long.headers.get('content-type')).toBe('application/problem+json');
    const body = (await long.json()) as { detail: string; requestId: string };
    expect(body.detail).toMatch(/^query parameter query: /);
    expect(body.requestId).toBe(long.headers.get('x-request-id'));

    const huge = await fetch(`${url}/v1/summary?query=${'a'.repeat(40_000)}`, {
      headers: withKey,
    });
    expect(huge.status).toBe(431);
    expect(huge.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await huge.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      type: 'about:blank',
      title: 'Request Header Fields Too Large',
      status: 431,
      detail: expect.stringMatching(/larger than 32768 bytes/),
    });
    expect(problem.requestId).toBe(huge.headers.get('x-request-id'));
    const line = await server.waitFor((l) => l.msg === 'client error' && l.status === 431, 10_000);
    expect(line).toMatchObject({ level: 'warn', requestId: problem.requestId });
  });

  it('accepts a query of the longest length the API allows even when every character takes 9 bytes percent-encoded', async () => {
    const query = '港'.repeat(2000);
    const res = await fetch(`${await server.url()}/v1/summary?query=${encodeURIComponent(query)}`, {
      headers: withKey,
    });
    expect(res.status).toBe(200);
  });

  it('answers a request Node cannot parse with a 400 problem and a request id', async () => {
    const answer = await rawRequest(
      await server.url(),
      'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
    expect(body.requestId).toBe(answer.headers['x-request-id']);
  });

  it('says it runs with a key, and never writes the key itself', () => {
    expect(server.lines.find((l) => l.msg === 'listening')).toMatchObject({ auth: 'API_KEY' });
    expect(JSON.stringify(server.lines)).not.toContain(API_KEY);
    expect(server.stderr).not.toContain(API_KEY);
  });

  it('shuts down gracefully on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
    expect(server.lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['shutting down', 'stopped']),
    );
  });
});

describe('server start-up', () => {
  it('exits 1 with a clear message on a bad configuration value', async () => {
    const server = ServerProcess.start({ PORT: 'abc', MAX_DOCUMENTS: '0' });
    expect(await server.exited).toBe(1);
    expect(server.stderr).toContain('PORT="abc": must be a whole number between 0 and 65535');
    expect(server.stderr).toContain('MAX_DOCUMENTS="0": must be at least 1');
  }, 30_000);

  it('starts on a missing data folder with an empty corpus and says why', async () => {
    const missing = path.join(tmpdir(), 'citesum-does-not-exist');
    const server = ServerProcess.start({ DATA_DIR: missing });
    try {
      const warn = await server.waitFor(
        (l) => typeof l.msg === 'string' && (l.msg as string).startsWith('empty corpus'),
      );
      expect(warn.msg).toMatch(/does not exist/);
      const health = (await (await fetch(`${await server.readyUrl()}/healthz`)).json()) as {
        documents: number;
        message: string;
      };
      expect(health).toMatchObject({
        documents: 0,
        message: expect.stringMatching(/does not exist/),
      });
    } finally {
      expect(await server.stop()).toBe(0);
      await rm(defaultIndexDir(missing), { recursive: true, force: true });
    }
  }, 60_000);
});

describe('reloading the corpus in process', () => {
  let dataDir: string;
  let running: RunningServer | undefined;
  const { logger, records: logs } = memoryLogger();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'citesum-reload-'));
  });

  afterAll(async () => {
    await running?.close();
    await rm(dataDir, { recursive: true, force: true });
    for (const d of [dataDir, path.join(dataDir, 'not-yet')])
      await rm(defaultIndexDir(d), { recursive: true, force: true });
  });

  async function documents() {
    const res = await fetch(`${running!.url}/v1/documents`);
    return {
      etag: res.headers.get('etag'),
      body: (await res.json()) as {
        corpus: string;
        skipped: { file: string; reason: string }[];
        message?: string;
      },
    };
  }

  it('serves a new skipped list and ETag when one unreadable file is swapped for another, or its reason changes', async () => {
    await writeFile(
      path.join(dataDir, 'good.txt'),
      'The harbour council approved the budget on Monday.\nThe vote was nine to two.\n',
    );
    await writeFile(path.join(dataDir, 'broken-a.txt'), Buffer.from([0x41, 0x00, 0x42]));
    running = await startServer(
      loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' }),
      logger,
    );
    await running.served;
    const first = await documents();
    expect(first.body.skipped.map((s) => s.file)).toEqual(['broken-a.txt']);

    // Same served files (same fingerprint), same number of skipped files, another file skipped.
    await unlink(path.join(dataDir, 'broken-a.txt'));
    await writeFile(path.join(dataDir, 'broken-b.txt'), Buffer.from([0x41, 0x00, 0x42]));
    await running.reload();
    const swapped = await documents();
    expect(swapped.body.corpus).toBe(first.body.corpus);
    expect(swapped.body.skipped).toEqual([
      { file: 'broken-b.txt', reason: first.body.skipped[0]!.reason },
    ]);
    expect(swapped.etag).not.toBe(first.etag);

    // Same file skipped, for another reason: binary before, not valid UTF-8 now.
    await writeFile(path.join(dataDir, 'broken-b.txt'), Buffer.from([0x41, 0xc3, 0x28, 0x42]));
    await running.reload();
    const reasoned = await documents();
    expect(reasoned.body.skipped.map((s) => s.file)).toEqual(['broken-b.txt']);
    expect(reasoned.body.skipped[0]!.reason).not.toBe(first.body.skipped[0]!.reason);
    expect(reasoned.etag).not.toBe(swapped.etag);

    // Nothing changed: the model (and its caches) is kept.
    const model = running.state.model;
    await running.reload();
    expect(running.state.model).toBe(model);
    expect(logs.at(-1)).toMatchObject({ msg: 'corpus unchanged' });
  }, 60_000);

  it('serves the new message when an empty corpus is empty for another reason', async () => {
    await running?.close();
    const target = path.join(dataDir, 'not-yet');
    running = await startServer(
      loadConfig({ DATA_DIR: target, HOST: '127.0.0.1', PORT: '0' }),
      logger,
    );
    await running.served;
    const missing = await documents();
    expect(missing.body.message).toMatch(/does not exist/);
    await writeFile(target, 'a file, not a folder');
    await running.reload();
    const notDir = await documents();
    expect(notDir.body.corpus).toBe(missing.body.corpus);
    expect(notDir.body.message).toMatch(/is not a directory/);
    expect(notDir.etag).not.toBe(missing.etag);
  }, 60_000);
});
