import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedFile } from '../../../schemas/document.js';
import { DEFAULT_MAX_FILE_BYTES } from '../limits.js';
import { CORPUS_EXTENSIONS } from './formats.js';
import { compareIds } from './ids.js';
import { decodeFile, isDecodeFailure, type SourceFile } from './source-file.js';

/** Options of the corpus loader. */
export interface LoadOptions {
  /** Files larger than this many bytes are skipped (default 10 MB). */
  maxFileBytes?: number;
  /** File name extensions read (default `.txt`, `.md`, `.markdown`, `.html` and `.htm`). */
  extensions?: readonly string[];
}

/** What the loader read: the files it serves, the ones it skipped, and a message when it served none. */
export interface LoadedCorpus {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
  readonly message?: string;
}

/** Why a symbolic link in the data folder is listed in `skipped`. */
export const SYMLINK_REASON = 'symbolic link, not followed';

/**
 * Opens without following a symbolic link in the last path segment (O_NOFOLLOW, where the
 * platform has it): a file swapped for a link after the folder was listed fails with ELOOP.
 */
const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Lists regular files and symbolic links under `root/rel`, ids relative to `root`. Links are
 * never followed (to a file or a folder, inside or outside the folder, dangling or not): what
 * they point to could lie outside the data folder or loop.
 */
async function listFiles(
  root: string,
  rel: string,
  files: string[],
  links: string[],
): Promise<void> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isSymbolicLink()) links.push(child);
    else if (e.isDirectory()) await listFiles(root, child, files, links);
    else if (e.isFile()) files.push(child);
  }
}

/**
 * Reads every `.txt`, `.md`/`.markdown` and `.html`/`.htm` file under `dir`, recursively, in
 * sorted id order (how each is read, by its extension, is `formatOf`'s business, not the loader's).
 * The only module of the core that touches the file system. Never throws for a bad
 * file or a missing folder: those become `skipped` entries or a `message`. Every symbolic link
 * under `dir` is listed in `skipped` (whatever its name) and never followed; `dir` itself may be
 * reached through one.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const exts = (options.extensions ?? CORPUS_EXTENSIONS).map((e) => e.toLowerCase());
  const ids: string[] = [];
  const links: string[] = [];
  try {
    const st = await stat(dir);
    if (!st.isDirectory())
      return { files: [], skipped: [], message: `data folder ${dir} is not a directory` };
    await listFiles(dir, '', ids, links);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      files: [],
      skipped: [],
      message:
        code === 'ENOENT'
          ? `data folder ${dir} does not exist`
          : `data folder ${dir} cannot be read (${code ?? 'error'})`,
    };
  }
  const isLink = new Set(links);
  ids.push(...links);
  ids.sort(compareIds);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const id of ids) {
    if (isLink.has(id)) {
      skipped.push({ file: id, reason: SYMLINK_REASON });
      continue;
    }
    if (!exts.includes(path.extname(id).toLowerCase())) continue;
    const full = path.join(dir, ...id.split('/'));
    try {
      const handle = await open(full, READ_NO_FOLLOW);
      try {
        const st = await handle.stat();
        if (st.size > maxBytes) {
          skipped.push({
            file: id,
            reason: `larger than the limit of ${maxBytes} bytes (${st.size} bytes)`,
          });
          continue;
        }
        const decoded = decodeFile(id, new Uint8Array(await handle.readFile()));
        if (isDecodeFailure(decoded)) skipped.push({ file: id, reason: decoded.reason });
        else files.push(decoded);
      } finally {
        await handle.close();
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      skipped.push({
        file: id,
        reason: code === 'ELOOP' ? SYMLINK_REASON : `cannot be read (${code ?? 'error'})`,
      });
    }
  }
  const message = files.length === 0 ? `no readable .txt, .md or .html files in ${dir}` : undefined;
  return message ? { files, skipped, message } : { files, skipped };
}
