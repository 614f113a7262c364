import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The wink-nlp instances with the English lite web model (installed from npm, loaded once on
 * first use, ~100 ms; nothing is downloaded at run time). The only module that imports wink-nlp:
 * everything else reads text through `analyze`, so corpus and query are tokenized, tagged and
 * stemmed by construction the same way.
 */

let instance: WinkMethods | undefined;
let withEntities: WinkMethods | undefined;

/** The shared instance: sentence boundaries and part-of-speech tags (stems and stop words come free). */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

/**
 * A second instance that also recognises entities (dates, times, quantities). Used only where a
 * few sentences need them (topic labels), so the main pipeline keeps its faster setup.
 */
export function nlpWithEntities(): WinkMethods {
  withEntities ??= winkNLP(model, ['sbd', 'pos', 'ner']);
  return withEntities;
}

/** The model's Porter2 stemmer (what wink's `its.stem` applies to a token's value). */
export const porter2 = (model as unknown as { addons: { stem: (value: string) => string } }).addons
  .stem;
