import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Logger } from './log.js';

/** Debounce of the data-folder watcher: a burst of writes gives one reload. */
export const RELOAD_DEBOUNCE_MS = 200;

/**
 * Watches a folder recursively and calls `onChange` (debounced). When the folder is missing
 * or the watch fails (the folder was removed), polls for it every second and resumes.
 */
export function watchFolder(dir: string, onChange: () => void, log: Logger): () => void {
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, RELOAD_DEBOUNCE_MS);
  };
  const start = () => {
    if (closed) return;
    try {
      watcher = watch(dir, { recursive: true }, changed);
      watcher.on('error', (err) => {
        log.warn({ dataDir: dir, error: String(err) }, 'data folder watch failed; polling for it');
        watcher?.close();
        watcher = undefined;
        changed();
        startPolling();
      });
    } catch {
      startPolling();
    }
  };
  const startPolling = () => {
    if (closed || poll) return;
    poll = setInterval(() => {
      stat(dir).then(
        (st) => {
          if (!st.isDirectory() || closed) return;
          clearInterval(poll);
          poll = undefined;
          start();
          changed();
        },
        () => undefined,
      );
    }, 1000);
    poll.unref();
  };
  start();
  return () => {
    closed = true;
    clearTimeout(timer);
    clearInterval(poll);
    watcher?.close();
  };
}
