import type { Request } from 'express';
import { AppError } from '../errors/app-error';

/** hubspot.fetch payloads are capped at 1 MB; webhook batches of ~100 events are far below that. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type RequestWithRawBody = Request & { rawBody?: Buffer | string };

async function readStream(req: Request, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes)
      throw new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Puts the parsed JSON of a verified raw body on `req.body` (call after the signature check). */
export function parseJsonBody(req: Request, raw: Buffer | string): void {
  const type = req.headers['content-type'] ?? '';
  if (!Buffer.isBuffer(req.body) && req.body !== undefined) return;
  req.body = undefined;
  if (raw.length === 0 || !type.includes('json')) return;
  try {
    req.body = JSON.parse(raw.toString());
  } catch (cause) {
    throw new AppError(
      'invalid_input',
      'The request body is not valid JSON.',
      [{ path: 'body', message: 'invalid JSON' }],
      {
        cause,
      },
    );
  }
}

/**
 * The exact bytes HubSpot signed. Uses `req.rawBody` (set by a body parser's `verify` hook) or a Buffer body
 * from `express.raw`; otherwise reads the stream itself (413 past `maxBytes`). Does not parse it.
 */
export async function readRawBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Buffer | string> {
  const withRaw = req as RequestWithRawBody;
  if (withRaw.rawBody !== undefined) return withRaw.rawBody;
  if (Buffer.isBuffer(req.body)) {
    const raw = req.body;
    withRaw.rawBody = raw;
    return raw;
  }
  // Consumed by a parser that kept no bytes: body parsers call `verify` whenever there were bytes, so the body
  // was empty. Were it not, the signature check simply fails (closed).
  if (req.readableEnded || req.body !== undefined) return '';
  // No length and no chunked encoding (a GET from hubspot.fetch): Node's parser delivers no body bytes at all,
  // so there is no stream to wait on (iterating an empty one cost ~3% of GET /api/card, bench/card-api-bench.ts).
  const { 'content-length': length, 'transfer-encoding': encoding } = req.headers;
  if (encoding === undefined && (length === undefined || length === '0')) return '';
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes)
    throw new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
  const raw = await readStream(req, maxBytes);
  withRaw.rawBody = raw;
  return raw;
}
