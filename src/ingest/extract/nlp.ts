import winkNLP, { WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The shared wink-nlp instance. Loading the English model takes a noticeable moment, so it is
 * created once, on first use. Only sentence boundaries and part-of-speech tags are needed; the
 * other pipeline stages (entities, negation, sentiment) would only cost time.
 */
let instance: WinkMethods | undefined;

export function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}
