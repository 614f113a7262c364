import { describe, expect, it } from 'vitest';
import { cacheBody, etagOf, ifNoneMatchHits, LruMap, ModelCache } from '../../src/http/cache.js';

describe('ifNoneMatchHits', () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
    ['', false],
  ])('%s → %s', (header, hit) => {
    expect(ifNoneMatchHits(header, etag)).toBe(hit);
  });
  it('is false without the header', () => expect(ifNoneMatchHits(undefined, etag)).toBe(false));
});

describe('cacheBody', () => {
  it('serializes once with a strong ETag that differs per variant', () => {
    const body = cacheBody({ a: 1 });
    expect(body.json).toBe('{"a":1}');
    expect(body.etag).toMatch(/^"[\w-]{27}"$/);
    expect(body.etag).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}', 'markdown')).not.toBe(body.etag);
  });
});

describe('LruMap', () => {
  it('evicts the least recently used entry past its limit', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.size).toBe(2);
  });
});

describe('ModelCache', () => {
  it('keeps one cache per model object, so a swapped model starts empty', () => {
    const caches = new ModelCache<object, { n: number }>(() => ({ n: 0 }));
    const m1 = {};
    caches.for(m1).n = 5;
    expect(caches.for(m1).n).toBe(5);
    expect(caches.for({}).n).toBe(0);
  });
});
