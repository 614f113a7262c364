/**
 * `npx tsx tools/eval/docs-run.ts [folder…]`: the documentation figures of `npm run eval` alone, on
 * the README folder of node_modules (no argument) or on the given folders (any documentation site
 * checked out locally), with every summary written to `DOCS_OUT` when set.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel, loadCorpus, solverReady } from '../../src/core/index.js';
import { docsQuality, docsQualityTable } from './docs-quality.js';
import { corpusSummaries } from './evaluate.js';
import { readmeFolder } from './markdown.js';

await solverReady;
const rows = [];
const folders = process.argv.slice(2);
const readmes = folders.length === 0 ? readmeFolder() : undefined;
for (const dir of readmes ? [readmes.dir] : folders) {
  const model = buildModel(await loadCorpus(dir));
  const summaries = corpusSummaries(model);
  const label = readmes ? 'READMEs' : path.basename(dir);
  rows.push({ label, q: docsQuality(model, summaries) });
  const out = process.env.DOCS_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    const text = summaries
      .map(
        (s) =>
          `## ${s.topic ? `${s.topic.kind} ${s.topic.label}` : 'corpus'}\n${s.sentences.length === 0 ? '(none)' : s.sentences.map((x) => `- ${x.text}  [${x.citations[0]!.file}:${x.citations[0]!.lines.start}]`).join('\n')}`,
      )
      .join('\n\n');
    writeFileSync(path.join(out, `${label}.md`), text);
  }
}
if (readmes) rmSync(readmes.dir, { recursive: true, force: true });
console.log(docsQualityTable(rows));
