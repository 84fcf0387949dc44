import iconv from 'iconv-lite';
import { AppError } from '../../domain/app-error';

/** The encodings Excel and HubSpot save CSV files in, detected without being told. */
export const DETECTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'cp932'] as const;
export type DetectedEncoding = (typeof DETECTED_ENCODINGS)[number];

/** How a file is read: its encoding, and how it was decided (shown by `simulate`, so nobody guesses). */
export interface FileEncoding {
  encoding: string;
  how: 'byte order mark' | 'detected' | '--encoding';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when `head` is UTF-8, ignoring a character cut at its end when more of the file follows. */
function isUtf8(head: Buffer, complete: boolean): boolean {
  try {
    utf8.decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: ASCII text has a zero byte in every other position. */
function utf16WithoutBom(head: Buffer): DetectedEncoding | undefined {
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Shift_JIS as Windows and Excel write it (CP932): every byte decodes, nothing becomes U+FFFD. */
function isCp932(head: Buffer, complete: boolean): boolean {
  // A double-byte character cut at the end of the sample is not an error: drop one byte and look again.
  const text = iconv.decode(head, 'cp932');
  if (!text.includes('\uFFFD')) return true;
  return !complete && !iconv.decode(head.subarray(0, head.length - 1), 'cp932').includes('\uFFFD');
}

/** What a file that is none of the detected encodings probably is, for the refusal. */
function lookalike(head: Buffer): string {
  let isolated = 0;
  let paired = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i]!;
    if (byte < 0x80) continue;
    const next = head[i + 1] ?? 0;
    if (byte >= 0xa1 && byte <= 0xfe && next >= 0xa1 && next <= 0xfe) {
      paired++;
      i++;
    } else isolated++;
  }
  if (head.includes(0)) return 'a binary file (it has NUL bytes), not a CSV export';
  if (paired > isolated) return 'EUC-JP (try --encoding euc-jp)';
  return 'a single-byte Windows encoding such as Windows-1252 (try --encoding windows-1252)';
}

/**
 * The encoding of a CSV file from its first bytes: a byte order mark (UTF-8, UTF-16 LE/BE), else UTF-16 by its zero
 * bytes, else UTF-8 if every byte fits, else Shift_JIS/CP932 (Excel's "CSV" on Japanese Windows) if every byte fits.
 * Anything else is refused, naming what it looked like and `--encoding`. `complete`: `head` is the whole file.
 */
export function detectEncoding(head: Buffer, complete: boolean, source: string): FileEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', how: 'byte order mark' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', how: 'byte order mark' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', how: 'byte order mark' };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, how: 'detected' };
  if (isUtf8(head, complete)) return { encoding: 'utf-8', how: 'detected' };
  if (isCp932(head, complete)) return { encoding: 'cp932', how: 'detected' };
  throw new AppError(
    'invalid_input',
    `${source}: not UTF-8, UTF-16 or Shift_JIS (CP932); it looks like ${lookalike(head)}. ` +
      'Save it from Excel as "CSV UTF-8", or name its encoding with --encoding.',
    [{ path: 'encoding', message: 'not UTF-8, UTF-16 or Shift_JIS (CP932)' }],
  );
}

/** `--encoding NAME`: any encoding iconv-lite knows (utf-8, utf-16le, shift_jis, cp932, euc-jp, windows-1252, …). */
export function namedEncoding(name: string): FileEncoding {
  if (!iconv.encodingExists(name)) {
    throw new AppError(
      'invalid_input',
      `--encoding: unknown encoding "${name}" (for example utf-8, cp932, utf-16le)`,
      [{ path: 'encoding', message: `unknown encoding "${name}"` }],
    );
  }
  return { encoding: name, how: '--encoding' };
}
