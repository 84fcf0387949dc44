/** A template split at its `{name}` places: literal, name, literal, name, ..., literal. */
type Parts = readonly string[];

/** Dictionary phrases are few and filled millions of times in a rescore: each is split once. */
const splitTemplates = new Map<string, Parts>();
const MAX_CACHED_TEMPLATES = 1_000;

function partsOf(template: string): Parts {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (splitTemplates.size >= MAX_CACHED_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  return parts;
}

/** A dictionary phrase with its `{name}` places filled in; a place without a value stays as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  const parts = partsOf(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = values[name];
    text += (value === undefined && !(name in values) ? `{${name}}` : String(value)) + parts[i + 1]!;
  }
  return text;
}
