/**
 * Undoes typesetting leftovers that abstracts carry from LaTeX and web pages, so that tokens and
 * evidence read as plain text: "modeling~(MLM)" (a non-breaking space), "100\%", "``flip rate''".
 */
export function cleanText(text: string): string {
  return text
    .replace(/(\S)~(?=\S)/g, '$1 ')
    .replace(/\\([%_&#$])/g, '$1')
    .replace(/``|''/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
