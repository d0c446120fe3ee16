/**
 * The text a Hugging Face Papers page carries besides titles and abstracts when copied from a
 * browser: the newsletter banner, buttons, vote and comment counts, submitter and date lines.
 */

const CHROME_LINES: RegExp[] = [
  /^get trending papers in your email inbox( once a day)?!?$/i,
  /^(subscribe|upvotes?|upvoted|follow|share|copy link|view pdf|view arxiv page|arxiv page|pdf)$/i,
  /^(add to collection|collections?|community|comments?|project page|github|code)$/i,
  /^(models?|datasets?|spaces?)$/i,
  /^(daily papers|trending papers|papers|search|sign up|log in|login|hugging face|huggingface)$/i,
  /^(models citing|datasets citing|spaces citing|cite in a model card)\b/i,
  /^upvotes?\s*[\d.,]+\s*k?$/i,
  /^[·•\-–—\s]*[\d.,]+\s*k?(\s+(upvotes?|comments?|authors?|stars?|likes?))?$/i,
  /^submitted by\b/i,
  /^(published|submitted|posted) on\b/i,
  /^#\d+ paper of the (day|week|month)$/i,
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(, \d{4})?$/i,
];

// Chrome glued to the front of the first title when the page is copied ("SubscribeBLSP: ...").
// Only a capital, digit or opening mark may follow, so a title like "Subscriber Churn" survives.
const GLUED_PREFIXES: RegExp[] = [
  /^get trending papers in your email inbox( once a day)?!/i,
  /^Subscribe(?=[A-Z0-9"'“‘([])/,
];

export function isChromeLine(line: string): boolean {
  return CHROME_LINES.some((pattern) => pattern.test(line));
}

export function stripGluedChrome(line: string): string {
  let stripped = line;
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of GLUED_PREFIXES) {
      const next = stripped.replace(prefix, '').trimStart();
      if (next !== stripped) {
        stripped = next;
        changed = true;
      }
    }
  }
  return stripped;
}
