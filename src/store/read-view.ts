import { type CorpusView, viewFromColumns } from '../core/model.js';
import { columnsFromSections } from './model-snapshot.js';
import { SNAPSHOT_FORMAT } from './pipeline-version.js';
import { readSnapshotShared } from './snapshot-file.js';

/**
 * The cheap-read view of a snapshot file (files, lines, document infos, stories), after checking
 * the header and every section's checksum: the columns read in place, nothing decoded up front.
 */
export function readView(file: string, pipeline: string): CorpusView {
  const { sections } = readSnapshotShared(file, { format: SNAPSHOT_FORMAT, pipeline });
  return viewFromColumns(columnsFromSections(sections));
}
