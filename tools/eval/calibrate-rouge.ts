/**
 * Calibrates the ROUGE-1.5.5 reimplementation (tools/eval/rouge.ts; Lin 2004) against the published
 * scores in shared/bench/README.md and prints the comparison.
 *
 *   npx tsx tools/eval/calibrate-rouge.ts        (BENCH_DIR=/path/to/bench to use another folder)
 *
 * Exits with 1 when a MultiLing submission is more than CALIBRATION_TOLERANCE points off, or when the
 * benchmark folder is missing.
 */
import { benchAvailable, benchDir } from './bench-data.js';
import { CALIBRATION_TOLERANCE, calibrationReport } from './calibrate.js';

const dir = benchDir();
if (!benchAvailable(dir)) {
  console.error(`benchmark folder not found at ${dir} (set BENCH_DIR)`);
  process.exit(1);
}
const { text, maxAbsDiff } = calibrationReport(dir);
console.log(text);
if (maxAbsDiff > CALIBRATION_TOLERANCE) {
  console.error(
    `\nNOT CALIBRATED: a submission is ${maxAbsDiff.toFixed(2)} points off the published table`,
  );
  process.exit(1);
}
