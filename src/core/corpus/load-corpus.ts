import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedFile } from '../../../schemas/document.js';
import { DEFAULT_MAX_FILE_BYTES } from '../limits.js';
import { compareIds } from './ids.js';
import { decodeFile, isDecodeFailure, type SourceFile } from './source-file.js';

/** Options of the corpus loader. */
export interface LoadOptions {
  /** Files larger than this many bytes are skipped (default 10 MB). */
  maxFileBytes?: number;
  /** File name extensions read (default `.txt` and `.md`). */
  extensions?: readonly string[];
}

/** What the loader read: the files it serves, the ones it skipped, and a message when it served none. */
export interface LoadedCorpus {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
  readonly message?: string;
}

async function listFiles(root: string, rel: string, out: string[]): Promise<void> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) await listFiles(root, child, out);
    else if (e.isFile()) out.push(child);
  }
}

/**
 * Reads every `.txt`/`.md` file under `dir`, recursively, in sorted id order.
 * The only module of the core that touches the file system. Never throws for a bad
 * file or a missing folder: those become `skipped` entries or a `message`.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const exts = (options.extensions ?? ['.txt', '.md']).map((e) => e.toLowerCase());
  const ids: string[] = [];
  try {
    const st = await stat(dir);
    if (!st.isDirectory())
      return { files: [], skipped: [], message: `data folder ${dir} is not a directory` };
    await listFiles(dir, '', ids);
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
  ids.sort(compareIds);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const id of ids) {
    if (!exts.includes(path.extname(id).toLowerCase())) continue;
    const full = path.join(dir, ...id.split('/'));
    try {
      const st = await stat(full);
      if (st.size > maxBytes) {
        skipped.push({
          file: id,
          reason: `larger than the limit of ${maxBytes} bytes (${st.size} bytes)`,
        });
        continue;
      }
      const decoded = decodeFile(id, new Uint8Array(await readFile(full)));
      if (isDecodeFailure(decoded)) skipped.push({ file: id, reason: decoded.reason });
      else files.push(decoded);
    } catch (err) {
      skipped.push({
        file: id,
        reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      });
    }
  }
  const message = files.length === 0 ? `no readable .txt or .md files in ${dir}` : undefined;
  return message ? { files, skipped, message } : { files, skipped };
}
