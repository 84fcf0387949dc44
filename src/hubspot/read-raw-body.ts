import type { Request } from 'express';
import { AppError } from '../domain/app-error';
import { requestBodiesParsed } from '../metrics';

/** hubspot.fetch payloads are capped at 1 MB by HubSpot: no signed route can need more. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The 413 for a body past `maxBytes`, naming the bound. */
export function bodyTooLarge(maxBytes: number): AppError {
  const message =
    maxBytes === 0
      ? 'This route takes no request body.'
      : `The request body is larger than the ${maxBytes} bytes this route accepts.`;
  return new AppError('payload_too_large', message, [{ path: 'body', message: `at most ${maxBytes} bytes` }]);
}

/** Collects the stream up to `maxBytes`; past it, stops keeping bytes (the rest is discarded unread) and fails. */
function readStream(req: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', settle).off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        settle(bodyTooLarge(maxBytes));
        // Keep the socket usable for the 413: let the remaining bytes flow to nowhere.
        req.resume();
      }
    };
    const onEnd = () => settle();
    const onClose = () =>
      settle(new AppError('invalid_input', 'The request body ended before it was complete.'));
    req.on('data', onData).on('end', onEnd).on('error', settle).on('close', onClose);
  });
}

/**
 * The exact bytes HubSpot signed, read from the request stream and never parsed: 413 when the declared length is
 * past `maxBytes` (before reading a byte) or the stream runs past it. Nothing may read the body before this.
 */
export async function readRawBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  if (req.body !== undefined || req.readableEnded) {
    throw new AppError('internal', 'The request body was read before its signature was checked.');
  }
  // No length and no chunked encoding (a GET from hubspot.fetch): Node's parser delivers no body bytes at all,
  // so there is no stream to wait on (iterating an empty one cost ~3% of GET /api/card, bench/card-api-bench.ts).
  const { 'content-length': length, 'transfer-encoding': encoding } = req.headers;
  if (encoding === undefined && (length === undefined || length === '0')) return Buffer.alloc(0);
  if (Number(length ?? 0) > maxBytes) throw bodyTooLarge(maxBytes);
  return readStream(req, maxBytes);
}

/** Puts the parsed JSON of a verified raw body on `req.body` (call only after the signature check). */
export function parseJsonBody(req: Request, raw: Buffer): void {
  req.body = undefined;
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0 || !type.includes('json')) return;
  requestBodiesParsed.inc();
  try {
    req.body = JSON.parse(raw.toString('utf8'));
  } catch (cause) {
    const details = [{ path: 'body', message: 'invalid JSON' }];
    throw new AppError('invalid_input', 'The request body is not valid JSON.', details, { cause });
  }
}
