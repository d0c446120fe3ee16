import winkNLP, { WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The shared wink-nlp instance. Loading the English model takes a noticeable moment, so it is
 * created once, on first use. Only tokens and sentence boundaries are needed: the tagger, entity
 * recognizer and sentiment stages would double the cost of each abstract (word-classes.ts guesses
 * the few word classes the rules use).
 */
let instance: WinkMethods | undefined;

export function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd']);
  return instance;
}
