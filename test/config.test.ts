import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, DEFAULT_MAX_QUEUE, DEFAULT_WORKERS, loadConfig } from '../src/config.js';
import { defaultIndexDir } from '../src/store/index-dir.js';

describe('loadConfig', () => {
  it('uses safe defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: 'data',
      maxFileBytes: 10 * 1024 * 1024,
      maxBodyBytes: 5 * 1024 * 1024,
      maxDocuments: 1000,
      indexDir: defaultIndexDir('data'),
      workers: DEFAULT_WORKERS,
      maxQueue: DEFAULT_MAX_QUEUE,
      corsOrigin: '*',
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        DATA_DIR: '/srv/articles',
        MAX_FILE_BYTES: '1000',
        MAX_BODY_BYTES: '2000',
        MAX_DOCUMENTS: '10',
        INDEX_DIR: '/var/cache/citesum',
        WORKERS: '3',
        MAX_QUEUE: '50',
        CORS_ORIGIN: 'https://a.example, http://localhost:5173',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/articles',
      maxFileBytes: 1000,
      maxBodyBytes: 2000,
      maxDocuments: 10,
      indexDir: '/var/cache/citesum',
      workers: 3,
      maxQueue: 50,
      corsOrigin: ['https://a.example', 'http://localhost:5173'],
      logLevel: 'debug',
    });
  });

  it('treats empty variables as unset and CORS_ORIGIN=none as no CORS', () => {
    expect(loadConfig({ PORT: '', CORS_ORIGIN: 'none' })).toMatchObject({
      port: 3000,
      corsOrigin: [],
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc": must be a whole number between 0 and 65535'],
    [{ PORT: '70000' }, 'PORT="70000": must be at most 65535'],
    [{ PORT: '-1' }, 'PORT="-1": must be a whole number'],
    [{ MAX_BODY_BYTES: '0' }, 'MAX_BODY_BYTES="0": must be at least 1'],
    [{ MAX_FILE_BYTES: '1.5' }, 'MAX_FILE_BYTES="1.5": must be a whole number'],
    [{ MAX_DOCUMENTS: 'lots' }, 'MAX_DOCUMENTS="lots": must be a whole number'],
    [{ LOG: 'verbose' }, 'LOG="verbose": must be "json" or "off" (deprecated: use LOG_LEVEL)'],
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [
      { CORS_ORIGIN: 'https://a.example/path' },
      'CORS_ORIGIN="https://a.example/path": "https://a.example/path": each origin must look like https://example.org',
    ],
    [{ HOST: ' ' }, 'HOST=" ": must not be empty'],
    [{ WORKERS: '0' }, 'WORKERS="0": must be at least 1'],
    [{ MAX_QUEUE: 'many' }, 'MAX_QUEUE="many": must be a whole number'],
    [
      { DATA_DIR: '/srv/news', INDEX_DIR: '/srv/news/.index' },
      'INDEX_DIR="/srv/news/.index": must not be inside DATA_DIR (/srv/news)',
    ],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads LOG_LEVEL, takes LOG=off as the deprecated spelling of silent, and lets LOG_LEVEL win', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const)
      expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
    expect(loadConfig({ LOG: 'off' }).logLevel).toBe('silent');
    expect(loadConfig({ LOG: 'json' }).logLevel).toBe('info');
    expect(loadConfig({ LOG: 'off', LOG_LEVEL: 'error' }).logLevel).toBe('error');
  });

  it('puts the index in a hidden folder beside the data folder, named after its absolute path, absorbing a burst of 100 requests', () => {
    const config = loadConfig({ DATA_DIR: '/srv/news' });
    expect(path.dirname(config.indexDir)).toBe('/srv');
    expect(path.basename(config.indexDir)).toMatch(/^\.citesum-index-[0-9a-f]{12}$/);
    expect(loadConfig({ DATA_DIR: '/srv/other' }).indexDir).not.toBe(config.indexDir);
    expect(config.maxQueue + config.workers).toBeGreaterThanOrEqual(100);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG: 'y' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT="x".*\n.*LOG="y"/);
    }
  });
});
