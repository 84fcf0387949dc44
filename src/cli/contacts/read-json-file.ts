import { readFile } from 'node:fs/promises';
import { AppError } from '../../domain/app-error';
import { locateJsonError } from './locate-json-error';

/** Reads and parses a JSON file; a missing file or invalid JSON is an `invalid_input` AppError naming line and column. */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readText(file);
  return parseJsonText(text.replace(/^\uFEFF/, ''), file);
}

/** Parses JSON text; on a syntax error the AppError says `file:line:column: what was expected`. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const where = locateJsonError(text);
    const at = where ? `${source}:${where.line}:${where.column}` : source;
    const message = `${at}: invalid JSON: ${where ? where.message : (cause as Error).message}`;
    throw new AppError('invalid_input', message, [{ path: at, message }], { cause });
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
    throw new AppError('invalid_input', `${file}: ${reason}`, [], { cause });
  }
}
