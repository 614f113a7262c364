import { spawnSync } from 'node:child_process';

/**
 * The `curl` examples of a Markdown document and what they are shown to answer, read as a reader
 * reads them, and a comparison of a real answer with the shown one that names every difference.
 *
 * An example is a line `$ curl …` in a ```sh block (continued while its quotes are open or its
 * line ends with `\`), followed by the answer shown, up to the next `$ ` line or the block's end.
 * A shown JSON answer may leave things out with `…`: a member or a trailing item written `…`, a
 * value written `…` (any value), a string ending in `…` (any string that starts so). A shown text
 * answer (Markdown) is compared line by line, `…` at a line's end likewise.
 */

/** One `curl` example: the command as written, its arguments as the shell splits them, the answer shown. */
export interface CurlExample {
  readonly command: string;
  readonly argv: readonly string[];
  readonly shown: string;
}

/** A shell's word splitting of `text` (bash, as the reader's shell would), or an error. */
function shellWords(text: string): string[] | Error {
  const res = spawnSync('bash', ['-c', `set -- ${text}\nprintf '%s\\0' "$@"`], {
    encoding: 'utf8',
  });
  if (res.status !== 0) return new Error(res.stderr.trim());
  return res.stdout.split('\0').slice(0, -1);
}

/** True when `text` is a whole shell command (its quotes closed, no trailing `\`). */
function complete(text: string): boolean {
  if (/\\$/.test(text)) return false;
  return spawnSync('bash', ['-n', '-c', `set -- ${text}`]).status === 0;
}

/** The `curl` examples of a Markdown document, in order. */
export function curlExamples(markdown: string): CurlExample[] {
  const examples: CurlExample[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    const lines = block[1]!.split('\n');
    let i = 0;
    while (i < lines.length) {
      if (!lines[i]!.startsWith('$ curl ')) {
        i++;
        continue;
      }
      let command = lines[i]!.slice(2);
      while (!complete(command) && i + 1 < lines.length) command += `\n${lines[++i]}`;
      const shown: string[] = [];
      while (i + 1 < lines.length && !lines[i + 1]!.startsWith('$ ')) shown.push(lines[++i]!);
      i++;
      const argv = shellWords(command.slice('curl '.length));
      if (argv instanceof Error) throw new Error(`${command}\n${argv.message}`);
      examples.push({ command, argv, shown: shown.join('\n').trim() });
    }
  }
  return examples;
}

/** The request a curl command line makes (`-s`, `-H`, `-d`, `-X`), as a path and fetch options. */
export function curlRequest(argv: readonly string[]): { path: string; init: RequestInit } {
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let body: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-s' || a === '-S' || a === '-sS') continue;
    if (a === '-H') {
      const [name, ...value] = argv[++i]!.split(':');
      headers[name!.trim()] = value.join(':').trim();
    } else if (a === '-d' || a === '--data' || a === '--data-raw') body = argv[++i]!;
    else if (a === '-X') method = argv[++i]!;
    else if (a.startsWith('-')) throw new Error(`curl option ${a} is not understood by this test`);
    else url = a;
  }
  if (!url) throw new Error('curl without a URL');
  const parsed = new URL(/^https?:\/\//.test(url) ? url : `http://${url}`);
  return {
    path: parsed.pathname + parsed.search,
    init: { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body },
  };
}

const MORE = '\u2026';

/**
 * Parses a shown JSON answer: `…` as a member is dropped, as a value or an array item it becomes
 * the string `"…"` (an item `"…"` at an array's end means "and more").
 */
export function parseShownJson(text: string): unknown {
  let out = '';
  const stack: ('{' | '[')[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === MORE) {
      const before = out.trimEnd().at(-1);
      if (stack.at(-1) === '{' && before !== ':') {
        // A left-out member: drop it with its separating comma.
        if (before === ',') out = out.trimEnd().slice(0, -1);
        else while (/[\s,]/.test(text[i + 1] ?? '')) i++;
        continue;
      }
      out += `"${MORE}"`;
      continue;
    }
    out += ch;
  }
  return JSON.parse(out);
}

/** Every difference between an answer and what a reader is shown, as `path: shown …, got …`. */
export function differences(shown: unknown, actual: unknown, at = '$'): string[] {
  const got = (v: unknown) => JSON.stringify(v)?.slice(0, 200);
  if (shown === MORE) return actual === undefined ? [`${at}: missing`] : [];
  if (typeof shown === 'string' && shown.endsWith(MORE) && typeof actual === 'string')
    return actual.startsWith(shown.slice(0, -1))
      ? []
      : [`${at}: shown ${got(shown)}, got ${got(actual)}`];
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${at}: shown an array, got ${got(actual)}`];
    const more = shown.at(-1) === MORE;
    const items = more ? shown.slice(0, -1) : shown;
    const count = more
      ? actual.length > items.length
        ? []
        : [`${at}: shown more than ${items.length} items, got ${actual.length}`]
      : actual.length === items.length
        ? []
        : [`${at}: shown ${items.length} items, got ${actual.length}`];
    return [...count, ...items.flatMap((item, k) => differences(item, actual[k], `${at}[${k}]`))];
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${at}: shown an object, got ${got(actual)}`];
    return Object.entries(shown).flatMap(([key, value]) =>
      key in actual
        ? differences(value, (actual as Record<string, unknown>)[key], `${at}.${key}`)
        : [`${at}.${key}: shown ${got(value)}, missing from the answer`],
    );
  }
  return Object.is(shown, actual) ? [] : [`${at}: shown ${got(shown)}, got ${got(actual)}`];
}

/** Differences between a text answer and the lines shown (each line equal, or a prefix before `…`). */
export function textDifferences(shown: string, actual: string): string[] {
  const want = shown.split('\n');
  const have = actual.trimEnd().split('\n');
  const diffs = want.flatMap((line, k) => {
    const real = have[k] ?? '';
    const ok = line.endsWith(MORE) ? real.startsWith(line.slice(0, -1)) : real === line;
    return ok ? [] : [`line ${k + 1}: shown ${JSON.stringify(line)}, got ${JSON.stringify(real)}`];
  });
  if (have.length !== want.length) diffs.push(`shown ${want.length} lines, got ${have.length}`);
  return diffs;
}
