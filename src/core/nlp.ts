import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

/**
 * The shared wink-nlp instance with the English lite web model (installed from npm, loaded
 * once on first use, ~100 ms; nothing is downloaded at run time). Only the pipeline stages
 * that are needed (sentence split, POS, stems, stop words) are enabled.
 */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

let withEntities: WinkMethods | undefined;

/**
 * A second wink-nlp instance that also recognises entities (dates, times, quantities). Used only
 * where a few sentences need them (topic labels), so the main pipeline keeps its faster setup.
 */
export function nlpWithEntities(): WinkMethods {
  withEntities ??= winkNLP(model, ['sbd', 'pos', 'ner']);
  return withEntities;
}
