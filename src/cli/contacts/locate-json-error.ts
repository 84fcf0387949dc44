/** Where a JSON text stops being valid: 1-based line and column, and what was expected there. */
export interface JsonErrorLocation {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

/** Scans `text` as JSON and returns the first syntax error's location, or null when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw new Stop(i, expected);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`expected "${word}"`);
  };
  const string = () => {
    i++;
    for (;;) {
      const ch = text.charAt(i);
      if (ch === '') fail('unterminated string');
      if (ch === '"') return void i++;
      if (ch < ' ') fail('control character inside a string');
      if (ch === '\\') {
        i++;
        if (text.charAt(i) === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else if ('"\\/bfnrt'.includes(text.charAt(i)) && text.charAt(i) !== '') i++;
        else fail('invalid escape in a string');
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail('expected a value');
    i += match[0].length;
  };
  const list = (close: string, item: () => void) => {
    i++;
    skipSpace();
    if (text.charAt(i) === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      const ch = text.charAt(i);
      if (ch === close) return void i++;
      if (ch !== ',') fail(`expected ',' or '${close}'`);
      i++;
    }
  };
  const member = () => {
    skipSpace();
    if (text.charAt(i) !== '"') fail('expected a double-quoted property name');
    string();
    skipSpace();
    if (text.charAt(i) !== ':') fail("expected ':'");
    i++;
    value();
  };
  const value = (): void => {
    skipSpace();
    const ch = text.charAt(i);
    if (ch === '{') list('}', member);
    else if (ch === '[') list(']', value);
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '') fail('unexpected end of input');
    else number();
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail('unexpected text after the JSON value');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...position(text, error.offset), message: error.expected };
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
