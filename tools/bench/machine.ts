/** The machine a benchmark ran on, for the report's header (a shared machine: load average too). */
import os from 'node:os';
import { round } from './stats.js';

/** CPU, cores, memory, Node, platform and load average, now. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => round(x, 2)),
  };
}

/** What {@link machine} reports. */
export type Machine = ReturnType<typeof machine>;
