const WHITESPACE_RUN = /\s+/g;
/** Job titles and conversion names repeat across contacts; a small memo spares NFKC on every evaluation. */
const MEMO_LIMIT = 4096;
const memo = new Map<string, string>();
/** Several signals read the same property one after another: the last answer is kept apart from the memo. */
let lastText = '';
let lastFolded = '';

function isPlainLowerAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126 || (c >= 65 && c <= 90) || c < 33) return false;
  }
  return true;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Folds text for matching: Unicode NFKC (full-width ＶＰ -> VP, half-width ｶﾅ -> カナ), lower case,
 * whitespace runs (including the ideographic space) collapsed to one space, trimmed.
 * Lower-case ASCII without spaces is returned as is, without allocating.
 */
export function normalizeText(text: string): string {
  if (text === lastText) return lastFolded;
  if (isPlainLowerAscii(text)) return text;
  let folded = memo.get(text);
  if (folded === undefined) {
    folded = fold(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, folded);
  }
  lastText = text;
  lastFolded = folded;
  return folded;
}
