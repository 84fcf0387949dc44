function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** A keyword folded by `normalizeText`, with whether its ends must sit on a word boundary. */
export interface Keyword {
  text: string;
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

/**
 * Prepares a folded keyword. A keyword that starts or ends with an ASCII letter or digit only matches there on a
 * word boundary, so "vp" matches "VP Sales" and "Sales VP" but not "MVP" or "VPN"; Japanese keywords match
 * anywhere (部長 matches 営業部長), as Japanese titles have no spaces.
 */
export function keyword(folded: string): Keyword {
  return {
    text: folded,
    boundaryStart: folded.length > 0 && isAsciiWordChar(folded.charCodeAt(0)),
    boundaryEnd: folded.length > 0 && isAsciiWordChar(folded.charCodeAt(folded.length - 1)),
  };
}

/** True when the keyword's text, found at `at` in `folded`, sits there under its boundary rules. */
export function keywordFitsAt(folded: string, k: Keyword, at: number): boolean {
  const end = at + k.text.length;
  const startOk = !k.boundaryStart || at === 0 || !isAsciiWordChar(folded.charCodeAt(at - 1));
  const endOk = !k.boundaryEnd || end === folded.length || !isAsciiWordChar(folded.charCodeAt(end));
  return startOk && endOk;
}

/** Where the keyword next occurs in `folded` under its boundary rules, at `from` or later; -1 when it does not. */
export function nextKeyword(folded: string, k: Keyword, from: number): number {
  if (k.text === '') return -1;
  let at = folded.indexOf(k.text, from);
  while (at >= 0 && !keywordFitsAt(folded, k, at)) at = folded.indexOf(k.text, at + 1);
  return at;
}

/** True when `folded` (already normalized) contains the keyword under its boundary rules. */
export function matchKeyword(folded: string, k: Keyword): boolean {
  return nextKeyword(folded, k, 0) >= 0;
}
