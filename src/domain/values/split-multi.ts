/** True when any `;`-separated part of `raw` (trimmed) satisfies `test`; does not allocate for single values. */
export function someMultiPart(raw: string, test: (part: string) => boolean): boolean {
  if (raw.indexOf(';') < 0) {
    const single = raw.trim();
    return single !== '' && test(single);
  }
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf(';', start);
    if (end < 0) end = raw.length;
    const part = raw.slice(start, end).trim();
    if (part !== '' && test(part)) return true;
    start = end + 1;
  }
  return false;
}
