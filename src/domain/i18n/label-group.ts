import type { LabelKey, Labels } from './label-keys';

/** The groups of keys: `tier`, `stage`, `term`, `reason`... */
export type LabelGroup = LabelKey extends `${infer Group}.${string}` ? Group : never;
/** The values of one group: `LabelGroupMember<'tier'>` is `Tier`. */
export type LabelGroupMember<G extends LabelGroup> = LabelKey extends infer Key
  ? Key extends `${G}.${infer Member}`
    ? Member
    : never
  : never;

/** One group of a dictionary by value (`labelGroup(LABELS.ja, 'tier').nurture`), as the UI indexes it. */
export function labelGroup<G extends LabelGroup>(
  labels: Labels,
  group: G,
): Record<LabelGroupMember<G>, string> {
  const prefix = `${group}.`;
  const members: Record<string, string> = {};
  for (const [key, text] of Object.entries(labels)) {
    if (key.startsWith(prefix)) members[key.slice(prefix.length)] = text;
  }
  return members as Record<LabelGroupMember<G>, string>;
}
