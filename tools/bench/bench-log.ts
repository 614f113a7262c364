/** The benchmark's progress log: one `[bench] …` line on stderr, so stdout carries only the report. */
export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
