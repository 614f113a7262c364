/**
 * The service as a process: `npm start` runs its compiled form (`node dist/src/main.js`), `npm run
 * dev` its source through tsx. Configuration from the environment (exit 1 with the reason when a
 * variable is bad), the start timed by phase (the first log line says how long each took), and
 * the shutdown: on SIGTERM or SIGINT `/readyz` turns 503, no connection is accepted, the requests
 * in flight finish (at most SHUTDOWN_TIMEOUT_MS), the threads stop, exit 0; 1 when requests had to
 * be cut off, the corpus could not be loaded, or a second signal came.
 *
 * Its modules are imported dynamically, so the time Node takes to start and the time the service's
 * own modules take to load are told apart.
 */

/** Milliseconds from the process' start to this line: Node's own start (and tsx's, under dev). */
const node = Math.round(performance.now());
let t = performance.now();
const [{ loadConfigOrExit }, { createLogger }, { startServer }] = await Promise.all([
  import('./config.js'),
  import('./log.js'),
  import('./server.js'),
]);
const modules = Math.round(performance.now() - t);
t = performance.now();
const config = loadConfigOrExit();
const log = createLogger(config.logLevel);
const phases = { node, modules, config: Math.round(performance.now() - t) };

/** Exits once the log records still buffered are written. */
const exit = (code: number) => log.flush(() => process.exit(code));

let running: Awaited<ReturnType<typeof startServer>> | undefined;
let stopping: Promise<void> | undefined;

/** The shutdown, once; a second signal exits at once. */
function stop(signal: string, code = 0): Promise<void> {
  if (stopping) {
    log.warn({ signal }, 'second signal during the shutdown: exiting now');
    exit(1);
    return stopping;
  }
  stopping = (async () => {
    const timeoutMs = config.shutdownTimeoutMs;
    log.info({ signal, inFlight: running?.inFlight ?? 0, timeoutMs }, 'shutting down');
    // Past the drain and a few seconds for the threads, the process exits whatever holds it.
    setTimeout(() => {
      log.error({ timeoutMs }, 'the shutdown did not finish; exiting');
      exit(1);
    }, timeoutMs + 5_000).unref();
    if (!running) return exit(code);
    const finished = await running.drain(timeoutMs);
    if (!finished)
      log.warn(
        { timeoutMs },
        'requests still in flight after SHUTDOWN_TIMEOUT_MS; their connections were closed',
      );
    await running.close();
    log.info({}, 'stopped');
    exit(finished ? code : 1);
  })();
  return stopping;
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('unhandledRejection', (reason) =>
  log.error({ error: String(reason) }, 'unhandled rejection'),
);

try {
  running = await startServer(config, log, { phases, runtimeMetrics: true });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  process.stderr.write(
    `citesum: cannot start: ${e.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use (set PORT)` : (e.message ?? String(err))}\n`,
  );
  exit(1);
}
if (stopping) await running?.close();
// A service that cannot load its corpus cannot serve: the orchestrator restarts it.
running?.served.catch(() => {
  if (!stopping) void stop('corpus not loaded', 1);
});
