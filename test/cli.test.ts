import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError, parseCliArgs, runCli } from '../src/cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = path.join(ROOT, 'data');

describe('parseCliArgs', () => {
  it('defaults to the data folder, topics, and the default budget', () => {
    expect(parseCliArgs([], {})).toEqual({
      folder: 'data',
      all: false,
      maxSentences: 5,
      maxWords: 250,
      help: false,
    });
    expect(parseCliArgs([], { DATA_DIR: '/srv/x' }).folder).toBe('/srv/x');
  });

  it('reads the query, the budget and the folder', () => {
    expect(
      parseCliArgs(
        ['--query', 'user numbers', '--max-sentences', '3', '--max-words', '80', 'articles'],
        {},
      ),
    ).toEqual({
      folder: 'articles',
      query: 'user numbers',
      all: false,
      maxSentences: 3,
      maxWords: 80,
      help: false,
    });
  });

  it.each([
    [['--max-sentences', '0'], /--max-sentences must be between 1 and 50, got 0/],
    [['--max-sentences', 'three'], /--max-sentences must be a whole number/],
    [['--max-words', '5001'], /--max-words must be between 1 and 5000/],
    [['--query', ' '], /--query must not be empty/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['a', 'b'], /expected at most one folder/],
    [['--query', 'x', '--all'], /cannot be combined/],
  ])('refuses %j with exit code 2', (args, message) => {
    try {
      parseCliArgs(args, {});
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
      expect((err as Error).message).toMatch(message);
    }
  });
});

describe('runCli', () => {
  it('prints each story of the seeds as a section, each facet as a subsection, with footnoted file:lines citations', async () => {
    const { markdown, warnings } = await runCli(parseCliArgs([DATA], {}));
    expect(warnings).toEqual([]);
    expect(markdown.startsWith('# Stories of data\n\n## ')).toBe(true);
    expect((markdown.match(/^## /gm) ?? []).length).toBe(2);
    expect((markdown.match(/^### /gm) ?? []).length).toBeGreaterThan(2);
    expect(markdown).toMatch(
      /^\[\^1\]: \d{3}_[0-9a-f]{16}\.txt:\d+(-\d+)?, offsets \d+–\d+: “.+”$/m,
    );
  });

  it('prints one query-focused summary with --query', async () => {
    const { markdown } = await runCli(
      parseCliArgs(['--query', 'monthly users', '--max-sentences', '2', DATA], {}),
    );
    expect(markdown.startsWith('# Summary for “monthly users”\n\n')).toBe(true);
  });

  it('fails with exit code 1 for a missing folder or a folder without text files', async () => {
    await expect(runCli(parseCliArgs(['/no/such/folder'], {}))).rejects.toMatchObject({
      exitCode: 1,
      message: 'folder /no/such/folder does not exist',
    });
    const empty = await mkdtemp(path.join(tmpdir(), 'citesum-cli-'));
    try {
      await writeFile(path.join(empty, 'image.png'), 'x');
      await expect(runCli(parseCliArgs([empty], {}))).rejects.toMatchObject({
        exitCode: 1,
        message: expect.stringMatching(/no readable \.txt, \.md or \.html files/),
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('runs as npm run summarize does: Markdown on stdout, a clear message and non-zero exit on bad input', () => {
    const ok = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', '--all', '--max-sentences', '2'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout.startsWith('# Summary\n\n')).toBe(true);
    const bad = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', '--max-words', 'abc'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'citesum: --max-words must be a whole number between 1 and 5000, got "abc"\n',
    );
    expect(bad.stdout).toBe('');
  }, 30_000);
});
