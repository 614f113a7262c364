import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineReasonSchema } from '../schemas/document.js';
import {
  curlExamples,
  curlRequest,
  differences,
  parseShownJson,
  textDifferences,
} from './doc-examples.js';
import { seedApp } from './http/helpers.js';

/** The README and docs/ promise what the service answers: each promise checked against it. */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');
const DOCS = readdirSync(path.join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

describe('README.md', () => {
  it('is a front door: at most 250 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('gives the two commands, install-and-start and test', () => {
    expect(README).toContain('npm install && npm start');
    expect(README).toMatch(/^npm test\b/m);
  });
});

describe.each(['README.md', 'docs/api.md'])('every curl example of %s', (file) => {
  const examples = curlExamples(read(file));

  it('is there to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((e, k) => [k + 1, e.command.split('\n')[0]!, e] as const))(
    '#%i answers on the seed corpus what it shows: %s',
    async (_, __, example) => {
      const { app } = await seedApp();
      const { path: target, init } = curlRequest(example.argv);
      const res = await app.request(target, init);
      const body = await res.text();
      const diffs = /json/.test(res.headers.get('content-type') ?? '')
        ? differences(parseShownJson(example.shown), JSON.parse(body))
        : textDifferences(example.shown, body);
      expect(diffs, `${example.command}\nanswered:\n${body.slice(0, 2000)}`).toEqual([]);
    },
  );
});

describe('the README and docs/', () => {
  it.each(['README.md', ...DOCS])('%s links only to files and headings that exist', (file) => {
    // Links outside code: fenced blocks and inline code spans are text, not links.
    const text = read(file)
      .replace(/^```[\s\S]*?^```$/gm, '')
      .replace(/`[^`\n]*`/g, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue;
      const [rel, anchor] = target!.split('#');
      const dest = rel
        ? path.join(path.dirname(path.join(ROOT, file)), rel)
        : path.join(ROOT, file);
      if (!existsSync(dest)) {
        broken.push(target!);
        continue;
      }
      if (!anchor) continue;
      const headings = [...readFileSync(dest, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
        anchorOf(m[1]!),
      );
      if (!headings.includes(anchor)) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });

  it('say what every dependency is for (docs/development.md, linked from the README)', () => {
    expect(README).toContain('(docs/development.md)');
    const table = read('docs/development.md').split('## Dependencies')[1] ?? '';
    const pkg = JSON.parse(read('package.json')) as Record<string, Record<string, string>>;
    const names = [...Object.keys(pkg.dependencies!), ...Object.keys(pkg.devDependencies!)];
    expect(names.filter((n) => !table.includes(`\`${n}\``))).toEqual([]);
  });

  it('list every reason a line can be given, in the pipeline’s classify step (docs/pipeline.md)', () => {
    const step =
      /^2\. \*\*Classify lines\*\*[\s\S]*?(?=^3\. )/mu.exec(read('docs/pipeline.md'))?.[0] ?? '';
    expect(step).not.toBe('');
    const missing = LineReasonSchema.options.filter((r) => !step.includes(`\`${r}\``));
    expect(missing).toEqual([]);
  });

  it.each(DOCS)('%s tells the current state, not the history of issues', (file) => {
    const text = read(file);
    expect(text).not.toMatch(/\bissue \d+|before this change|\(before\)|the release before/i);
  });
});
