import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
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
  /**
   * Files an earlier load read, reused while their stamp is unchanged (not read or hashed again,
   * as make and git decide what changed); every file read is offered to it.
   */
  known?: KnownFiles;
}

/** What the file system says of a file, compared to decide whether it changed. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** A cache of files read by earlier loads (see {@link LoadOptions.known}). */
export interface KnownFiles {
  /** The file read earlier under this id and stamp, if any. */
  get(id: string, stamp: FileStamp): SourceFile | undefined;
  /** Offers a file just read, with the stamp it was read under. */
  set(id: string, stamp: FileStamp, file: SourceFile): void;
}

const stampOf = (st: FileStamp): FileStamp => ({
  size: st.size,
  mtimeMs: st.mtimeMs,
  ctimeMs: st.ctimeMs,
  ino: st.ino,
});

/** The stamps of regular files, looked up many at a time (a file that cannot be stamped is read). */
async function stampsOf(dir: string, ids: readonly string[]): Promise<(FileStamp | undefined)[]> {
  const out = new Array<FileStamp | undefined>(ids.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const st = await lstat(path.join(dir, ...ids[i]!.split('/'))).catch(() => undefined);
      out[i] = st?.isFile() ? stampOf(st) : undefined;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return out;
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
  const known = options.known;
  const stamps = known ? await stampsOf(dir, ids) : [];
  for (const [k, id] of ids.entries()) {
    if (isLink.has(id)) {
      skipped.push({ file: id, reason: SYMLINK_REASON });
      continue;
    }
    if (!exts.includes(path.extname(id).toLowerCase())) continue;
    const stamp = stamps[k];
    const reused = stamp && stamp.size <= maxBytes ? known?.get(id, stamp) : undefined;
    if (reused) {
      files.push(reused);
      continue;
    }
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
        else {
          files.push(decoded);
          known?.set(id, stampOf(st), decoded);
        }
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
