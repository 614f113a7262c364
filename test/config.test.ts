import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  ConfigError,
  DEFAULT_MAX_QUEUE,
  DEFAULT_WORKERS,
  isLoopbackHost,
  loadConfig,
} from '../src/config.js';
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
      shutdownTimeoutMs: 10_000,
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
        SHUTDOWN_TIMEOUT_MS: '2500',
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
      shutdownTimeoutMs: 2500,
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

describe('the API key', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citesum-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const KEY = 'k3y-Of-Test+only/0123456789abcdef==';

  it('is off unless API_KEY or API_KEY_FILE is set', () => {
    const config = loadConfig({});
    expect(config.apiKey).toBeUndefined();
    expect(config.apiKeySource).toBeUndefined();
  });

  it('reads API_KEY, and never shows it: not in JSON, not in util.inspect, not as a string', () => {
    const config = loadConfig({ API_KEY: KEY });
    expect(config.apiKey!.reveal()).toBe(KEY);
    expect(config.apiKeySource).toBe('API_KEY');
    expect(JSON.stringify(config)).not.toContain(KEY);
    expect(inspect(config, { depth: 5 })).not.toContain(KEY);
    expect(String(config.apiKey)).toBe('[redacted]');
  });

  it('reads API_KEY_FILE without its final line break (a mounted secret)', () => {
    const file = path.join(dir, 'key');
    writeFileSync(file, `${KEY}\n`);
    const config = loadConfig({ API_KEY_FILE: file });
    expect(config.apiKey!.reveal()).toBe(KEY);
    expect(config.apiKeySource).toBe('API_KEY_FILE');
  });

  it.each([
    [{ API_KEY: 'short' }, 'API_KEY=<5 characters, not shown>: must be at least 16 characters'],
    [
      { API_KEY: 'has spaces in the middle of it' },
      'API_KEY=<30 characters, not shown>: may hold only letters, digits and -._~+/',
    ],
    [{ API_KEY: KEY, API_KEY_FILE: '/k' }, 'set API_KEY or API_KEY_FILE, not both'],
    [{ API_KEY_FILE: '/nowhere/key' }, 'API_KEY_FILE="/nowhere/key": cannot be read (ENOENT)'],
  ])(
    'refuses %o, naming the variable but never the key',
    (env: Record<string, string>, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
      try {
        loadConfig(env);
      } catch (err) {
        if (env.API_KEY) expect((err as Error).message).not.toContain(env.API_KEY);
      }
    },
  );

  it('refuses a key file whose content is too short, without showing it', () => {
    const file = path.join(dir, 'weak');
    writeFileSync(file, 'hunter2\n');
    expect(() => loadConfig({ API_KEY_FILE: file })).toThrow(
      /its content \(7 characters, not shown\) must be at least 16 characters/,
    );
    expect(() => loadConfig({ API_KEY_FILE: file })).not.toThrow(/hunter2/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.org', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
