export { detectFormat, FORMATS, isFormat } from './detect-format';
export type { Format } from './detect-format';
export { readPaperFile, readPapers } from './read-papers';
export type { PaperReader } from './read-papers';
