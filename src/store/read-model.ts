import { type CorpusModel, modelFromParts } from '../core/model.js';
import { partsFromSections } from './model-snapshot.js';
import { SNAPSHOT_FORMAT } from './pipeline-version.js';
import { readSnapshot } from './snapshot-file.js';

/**
 * The whole model of a published snapshot (a worker's copy), after checking the header (format,
 * pipeline digest, Node and V8) and the checksums of the `view` and `model` sections.
 */
export function readModel(file: string, pipeline: string): CorpusModel {
  const { sections } = readSnapshot(file, { format: SNAPSHOT_FORMAT, pipeline }, ['view', 'model']);
  return modelFromParts(partsFromSections(sections.view, sections.model));
}
