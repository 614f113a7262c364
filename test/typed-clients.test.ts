import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedServer, startServer } from './e2e/start-server.js';

/**
 * Clients generated from the contract as their users generate them, from a clean folder: the
 * README's typed client (openapi-typescript + openapi-fetch, `createClient<paths>()` and nothing
 * more) and a @hey-api/openapi-ts SDK, each type-checked with `tsc --strict` and run against the
 * real server on the seed corpus.
 */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const README = await readFile(path.join(ROOT, 'README.md'), 'utf8');

/** The README's typed client: its TypeScript block that creates an openapi-fetch client. */
function readmeClient(readme: string): string {
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  const client = blocks.find((b) => b.includes('createClient<paths>('));
  if (!client)
    throw new Error('the README shows no typed client (a ```ts block with createClient<paths>())');
  return client;
}

/** Runs a command, failing with its output. */
async function sh(file: string, args: string[], cwd: string) {
  try {
    return await run(file, args, { cwd, timeout: 120_000, maxBuffer: 16 << 20 });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${path.basename(file)} ${args.join(' ')} failed:\n${e.stdout}\n${e.stderr}\n${e.message}`,
    );
  }
}

let server: SpawnedServer;
let dir: string;

beforeAll(async () => {
  server = await startServer(path.join(ROOT, 'data'));
  dir = await mkdtemp(path.join(tmpdir(), 'citesum-client-'));
  // The folder's own dependencies: openapi-fetch, typescript, @types/node, tsx.
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}, 90_000);

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the README’s typed client (openapi-typescript + openapi-fetch)', () => {
  it('is about twenty lines with no type argument beyond paths', () => {
    const client = readmeClient(README);
    expect(client.split('\n').length).toBeLessThanOrEqual(30);
    expect(client).toContain("import type { paths } from './api.js';");
    expect(client).toMatch(/createClient<paths>\(/);
    // No media-type argument, no casts: the generated types alone.
    expect(client).not.toMatch(/createClient<paths,| as [A-Z{]/);
  });

  it('generates from the served document in the clone, where redocly.yaml is (the same types as from schemas/openapi.json elsewhere)', async () => {
    // In the clone, as the README says; redocly.yaml must not take the command line over.
    await sh(
      process.execPath,
      [BIN('openapi-typescript'), `${server.url}/openapi.json`, '-o', path.join(dir, 'api.d.ts')],
      ROOT,
    );
    // Outside it, from the committed contract.
    await sh(
      process.execPath,
      [BIN('openapi-typescript'), path.join(ROOT, 'schemas/openapi.json'), '-o', 'from-file.d.ts'],
      dir,
    );
    const served = await readFile(path.join(dir, 'api.d.ts'), 'utf8');
    expect(served).toBe(await readFile(path.join(dir, 'from-file.d.ts'), 'utf8'));
    expect(served).toContain('"/v1/topics/{topicId}/summary.md"');
  }, 60_000);

  it('compiles with tsc --strict and, run against the server, lists a story, prints its cited summary and verifies every citation', async () => {
    const source = readmeClient(README).replace('http://127.0.0.1:3000', server.url);
    expect(source).toContain(server.url);
    await writeFile(path.join(dir, 'client.mts'), source);
    await sh(
      process.execPath,
      [
        BIN('tsc'),
        '--strict',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--outDir',
        'out',
        'client.mts',
      ],
      dir,
    );
    const { stdout } = await sh(process.execPath, ['out/client.mjs'], dir);
    const topics = (await (await fetch(`${server.url}/v1/topics`)).json()) as {
      topics: { id: string }[];
    };
    const summary = (await (
      await fetch(`${server.url}/v1/topics/${topics.topics[0]!.id}/summary?maxSentences=3`)
    ).json()) as { sentences: { text: string; citations: unknown[] }[] };
    for (const s of summary.sentences) expect(stdout).toContain(s.text);
    const statuses = [...stdout.matchAll(/'(verified|stale|mismatch|not_found)'/g)].map(
      (m) => m[1],
    );
    expect(statuses).toEqual(summary.sentences.flatMap((s) => s.citations.map(() => 'verified')));
  }, 120_000);
});

describe('a @hey-api/openapi-ts SDK', () => {
  it('generates from the served document, compiles with tsc --strict, and runs: JSON typed, Markdown a string', async () => {
    const out = path.join(dir, 'hey');
    await sh(
      process.execPath,
      [BIN('openapi-ts'), '-i', `${server.url}/openapi.json`, '-o', path.join(out, 'client')],
      dir,
    );
    // An ES module project, as hey-api's output (extensionless imports) expects a bundler-style one.
    await writeFile(path.join(out, 'package.json'), '{ "type": "module" }\n');
    await writeFile(
      path.join(out, 'main.ts'),
      `import { client } from './client/client.gen';
import { getSummaryMarkdown, getTopicSummary, listTopics, verifyCitations } from './client/sdk.gen';

client.setConfig({ baseUrl: ${JSON.stringify(server.url)} });
const { data: list } = await listTopics({ throwOnError: true });
const story = list.topics[0];
if (!story) throw new Error('no story');
const { data: summary } = await getTopicSummary({
  path: { topicId: story.id },
  query: { maxSentences: 3 },
  throwOnError: true,
});
const citations = summary.sentences.flatMap((s) => s.citations);
const { data: check } = await verifyCitations({ body: { citations }, throwOnError: true });
const { data: markdown } = await getSummaryMarkdown({ query: { query: 'monthly users' }, throwOnError: true });
const text: string = markdown;
console.log(JSON.stringify({ statuses: check.results.map((r) => r.status), markdown: text }));
`,
    );
    await sh(
      process.execPath,
      [
        BIN('tsc'),
        ...['--strict', '--noEmit', '--skipLibCheck', '--target', 'es2022'],
        ...['--module', 'esnext', '--moduleResolution', 'bundler', 'main.ts'],
      ],
      out,
    );
    const { stdout } = await sh(process.execPath, ['--import', 'tsx', 'main.ts'], out);
    const result = JSON.parse(stdout) as { statuses: string[]; markdown: string };
    expect(result.statuses.length).toBeGreaterThan(0);
    expect(new Set(result.statuses)).toEqual(new Set(['verified']));
    expect(result.markdown).toMatch(/^# Summary for “monthly users”\n\n.+\[\^1\]/);
  }, 120_000);
});
