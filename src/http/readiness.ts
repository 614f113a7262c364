import type { ReadinessPhase } from '../../schemas/api.js';
import type { CorpusView } from '../core/model.js';
import type { AppState } from './context.js';

export type { ReadinessPhase };

/**
 * Where the service is in its life, for `/readyz` (and the 503s of routes that need a corpus):
 * liveness (`/healthz`) is the process answering at all; readiness is a model served with every
 * compute worker holding it, and no shutdown under way.
 *
 *  - `starting`: the HTTP routes are loading (the port already answers `/healthz`);
 *  - `loading`: no corpus is served yet (the builder thread reads the index or builds it);
 *  - `workers`: the corpus is served, the compute workers are still reading the model;
 *  - `ready`: everything is served;
 *  - `draining`: SIGTERM received: requests in flight finish, no new ones are taken.
 *
 * The phases are listed once, in `ReadinessPhaseSchema` (schemas/api.ts).
 */
const REASONS: Record<Exclude<ReadinessPhase, 'ready'>, string> = {
  starting: 'the service is starting: its HTTP routes are loading',
  loading:
    'the corpus is loading: the builder thread reads the persisted index, or builds it on a first start',
  workers:
    'the corpus is served, but the compute workers are still reading the model (summaries would wait for them)',
  draining:
    'the service is shutting down: it finishes the requests in flight and takes no new ones',
};

/** The service's readiness, moved forward by the server and read by the routes. */
export class Readiness {
  #phase: ReadinessPhase;

  constructor(phase: ReadinessPhase = 'starting') {
    this.#phase = phase;
  }

  get phase(): ReadinessPhase {
    return this.#phase;
  }

  /** True when `/readyz` answers 200. */
  get ready(): boolean {
    return this.#phase === 'ready';
  }

  /** Moves to `phase`; a shutdown is final (nothing moves it back). */
  set(phase: ReadinessPhase): void {
    if (this.#phase !== 'draining') this.#phase = phase;
  }

  /** Why the service is not ready, as a problem's `detail` says it (empty when ready). */
  reason(): string {
    return this.#phase === 'ready' ? '' : REASONS[this.#phase];
  }
}

/** Thrown when a route reads the corpus before one is served: answered 503 with `Retry-After`. */
export class CorpusNotServedError extends Error {
  override readonly name = 'CorpusNotServedError';
  constructor() {
    super('no corpus is served yet');
  }
}

/**
 * The server's {@link AppState}: empty until the first model is served, then swapped on reloads.
 * Reading `model` before the first one throws {@link CorpusNotServedError}, so every route that
 * needs the corpus answers 503 (the app's onError) and every other route works meanwhile.
 */
export class ServedState implements AppState {
  #model: CorpusView | undefined;
  loadedAt = new Date(0);

  get model(): CorpusView {
    if (!this.#model) throw new CorpusNotServedError();
    return this.#model;
  }

  set model(model: CorpusView) {
    this.#model = model;
  }

  /** The served model, or `undefined` before the first one. */
  get served(): CorpusView | undefined {
    return this.#model;
  }
}

/** The model `state` serves, or `undefined` when none is served yet (never throws). */
export function servedModel(state: AppState): CorpusView | undefined {
  return state instanceof ServedState ? state.served : state.model;
}
