/**
 * Stage 4, index: term statistics over the content sentences (stems as ids, bigram concepts,
 * frequencies, idf, an inverted index).
 */
export { buildTermIndex, idf, type TermIndex } from './term-index.js';
