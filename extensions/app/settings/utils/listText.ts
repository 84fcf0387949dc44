/** "a, b ,c" -> ["a", "b", "c"] (commas, Japanese commas and new lines separate values). */
export function parseList(text: string): string[] {
  return text
    .split(/[,、\n]/)
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/** ["a", "b"] -> "a, b". */
export function formatList(values: readonly string[] | undefined): string {
  return (values ?? []).join(', ');
}

/** A lowercase id from a label ("Company size" -> "company-size"), for new rules. */
export function idFromLabel(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'rule';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}
