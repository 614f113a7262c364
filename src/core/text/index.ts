/**
 * The text façade: the only way into wink-nlp. Tokens with exact offsets, part-of-speech tags,
 * sentence splits, stems (with the possessive rule) and entities, plus the word count of budgets.
 */
export { analyze, analyzeWithEntities, type EntitySpan, type TokenTable } from './analyze.js';
export { featuresOf, stemOf, type TokenFeatures } from './features.js';
export { hasShape, SHAPE, type ShapeFlag, shapeOf } from './shape.js';
export { countWords } from './words.js';
