import type { z } from 'zod';

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  int: 'a whole number',
};

function sizeMessage(issue: z.core.$ZodRawIssue, more: boolean): string {
  const bound = Number((issue as { minimum?: unknown; maximum?: unknown })[more ? 'minimum' : 'maximum']);
  const origin = (issue as { origin?: string }).origin;
  if (origin === 'array')
    return more ? `expected at least ${bound} item(s)` : `expected at most ${bound} item(s)`;
  if (origin === 'string')
    return more ? 'expected a non-empty value' : `expected at most ${bound} characters`;
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
  if (more) return inclusive ? `expected ${bound} or more` : `expected more than ${bound}`;
  return inclusive ? `expected ${bound} or less` : `expected less than ${bound}`;
}

/** Plain messages for zod's built-in issues ("expected a number"); messages set on a schema win over these. */
export function plainZodMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'required';
      const expected = String((issue as { expected?: unknown }).expected);
      return `expected ${TYPE_WORDS[expected] ?? expected}`;
    }
    case 'too_small':
      return sizeMessage(issue, true);
    case 'too_big':
      return sizeMessage(issue, false);
    case 'invalid_value': {
      const values = ((issue as { values?: unknown[] }).values ?? []).map((v) => JSON.stringify(v));
      return values.length === 1 ? `expected ${values[0]}` : `expected one of ${values.join(', ')}`;
    }
    default:
      return undefined;
  }
}
