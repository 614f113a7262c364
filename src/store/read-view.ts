import type { CorpusView } from '../core/model.js';
import { viewFromSection } from './model-snapshot.js';
import { SNAPSHOT_FORMAT } from './pipeline-version.js';
import { readSnapshot } from './snapshot-file.js';

/**
 * The cheap-read view of a published snapshot (the main thread's copy), after checking the
 * header (format, pipeline digest, Node and V8) and the `view` section's checksum. Imports
 * nothing of the pipeline's stages, so the main thread starts without loading them.
 */
export function readView(file: string, pipeline: string): CorpusView {
  const { sections } = readSnapshot(file, { format: SNAPSHOT_FORMAT, pipeline }, ['view']);
  return viewFromSection(sections.view);
}
