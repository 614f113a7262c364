import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Summary } from '../../schemas/summary.js';
import { loadCorpus } from '../../src/core/index.js';
import { buildModel, type CorpusModel } from '../../src/core/index.js';
import { createApp } from '../../src/http/app.js';
import type { AppOptions, AppState } from '../../src/http/context.js';

/** The seed corpus folder (data/). */
export const SEED_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

let seedModel: Promise<CorpusModel> | undefined;

/** The model of the seed corpus, built once per test file. */
export function seedCorpusModel(): Promise<CorpusModel> {
  seedModel ??= loadCorpus(SEED_DIR).then((c) => buildModel(c));
  return seedModel;
}

/** An app over the seed corpus (fresh app, shared model), with its state for swapping. */
export async function seedApp(options: AppOptions = {}) {
  const state: AppState = {
    model: await seedCorpusModel(),
    loadedAt: new Date('2026-01-01T00:00:00Z'),
  };
  return { app: createApp(state, options), state };
}

/** Asserts an RFC 9457 problem answer and returns its body. */
export async function expectProblem(res: Response, status: number, detail?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    type: 'about:blank',
    status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  if (detail) expect(body.detail).toMatch(detail);
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  return body as {
    type: string;
    title: string;
    status: number;
    detail: string;
    instance?: string;
    requestId?: string;
  };
}

/** A JSON POST. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** All citations of a summary, in order. */
export function citationsOf(summary: Summary) {
  return summary.sentences.flatMap((s) => s.citations);
}
