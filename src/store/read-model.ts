import type { CorpusModel, CorpusView } from '../core/model.js';
import { modelFromSections, viewFromSection } from './model-snapshot.js';
import { SNAPSHOT_FORMAT } from './pipeline-version.js';
import { readSnapshot } from './snapshot-file.js';

/**
 * The two ways a published snapshot is read: the view the main thread serves cheap reads from,
 * and the whole model a worker computes on. Both check the header (format, pipeline digest,
 * Node and V8) and the checksums of the sections they decode.
 */

/** The cheap-read view of a snapshot (the main thread's copy). */
export function readView(file: string, pipeline: string): CorpusView {
  const { sections } = readSnapshot(file, { format: SNAPSHOT_FORMAT, pipeline }, ['view']);
  return viewFromSection(sections.view);
}

/** The whole model of a snapshot (a worker's copy). */
export function readModel(file: string, pipeline: string): CorpusModel {
  const { sections } = readSnapshot(file, { format: SNAPSHOT_FORMAT, pipeline }, ['view', 'model']);
  return modelFromSections(sections.view, sections.model);
}
