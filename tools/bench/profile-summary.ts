/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): `npx tsx tools/bench/profile-summary.ts
 * <file.cpuprofile> [top]`. Prints the functions with the most self time, and the source files
 * with the most total time (inclusive, each file counted once per sample), so a build's hot
 * functions and its costly stages (one folder per stage under src/core/) read at a glance.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const short = (url: string) => url.replace(/^.*?\/(dist\/|node_modules\/)/u, '$1');
const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  total += dt;
  const leaf = byId.get(id)!;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
  const files = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const url = short(byId.get(at)!.callFrame.url);
    if (url) files.add(url);
  }
  for (const f of files) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
});
const show = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(
      `${(v / 1000).toFixed(2).padStart(8)} s ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}\n`,
    );
};
process.stdout.write(`total ${(total / 1000).toFixed(1)} s sampled\n`);
show('self time by function', self);
show('inclusive time by source file', inclusive);
