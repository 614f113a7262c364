import { type CorpusModel, modelFromColumns } from '../core/model.js';
import { columnsFromSections } from './model-snapshot.js';
import { SNAPSHOT_FORMAT } from './pipeline-version.js';
import { readSnapshotShared } from './snapshot-file.js';

/**
 * The whole model of a snapshot file, after checking the header (format, pipeline digest, Node
 * and V8) and every section's checksum: the file read once into shared memory, its columns read
 * in place (no per-record decoding).
 */
export function readModel(file: string, pipeline: string): CorpusModel {
  const { sections } = readSnapshotShared(file, { format: SNAPSHOT_FORMAT, pipeline });
  return modelFromColumns(columnsFromSections(sections));
}
