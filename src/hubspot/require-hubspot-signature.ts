import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { AppError, isAppError } from '../domain/app-error';
import { signatureChecks } from '../metrics';
import { DEFAULT_MAX_BODY_BYTES, parseJsonBody, readRawBody } from './read-raw-body';
import {
  checkSignatureHeaders,
  checkSignatureV2Header,
  verifySignature,
  verifySignatureV2,
  type SignatureFailure,
} from './verify-signature';

export interface SignatureOptions {
  clientSecret: string;
  /** PUBLIC_BASE_URL: the https origin (and optional path prefix) HubSpot calls. */
  publicBaseUrl: string;
  /** Clock in epoch ms; injectable for tests. */
  now?: () => number;
  /** The largest body the route takes, or a function of the request (a route table); default hubspot.fetch's 1 MB. */
  maxBodyBytes?: number | ((req: Request) => number);
  /**
   * Also take a request signed only with v2 (`X-HubSpot-Signature-Version: v2`, no v3 headers). Default false. A v2
   * signature has no timestamp and never expires: set it only on a route whose effect is idempotent per request
   * (the workflow action: HubSpot's custom action guide says its requests carry the v2 signature).
   */
  acceptV2?: boolean;
}

/** What a verified request tells us about its caller, taken only from the signed URL. */
export interface SignedContext {
  portalId?: number;
  userId?: number;
  userEmail?: string;
  appId?: number;
}

const idParam = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform(Number)
  .optional();
// hubspot.fetch appends userId, userEmail, appId and portalId to the query string it signs.
const signedQuery = z.object({
  portalId: idParam.catch(undefined),
  userId: idParam.catch(undefined),
  appId: idParam.catch(undefined),
  userEmail: z.string().optional().catch(undefined),
});

/** The signed caller of this request; throws `unauthorized` when the signature middleware did not run. */
export function signedContext(res: Response): SignedContext {
  const context = res.locals.hubspot as SignedContext | undefined;
  if (!context) throw new AppError('unauthorized', 'This request was not signed by HubSpot.');
  return context;
}

function rebuildUri(publicBaseUrl: string, originalUrl: string): string {
  return publicBaseUrl.replace(/\/+$/, '') + originalUrl;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The signature a request carries: v3, or v2 only when the route takes it and no v3 header is present. */
type CarriedSignature =
  | { version: 'v3'; signature: string | undefined; timestamp: string | undefined }
  | { version: 'v2'; signature: string | undefined };

function carriedSignature(req: Request, acceptV2: boolean): CarriedSignature {
  const signature = header(req, 'x-hubspot-signature-v3');
  const timestamp = header(req, 'x-hubspot-request-timestamp');
  const v2Only =
    acceptV2 &&
    signature === undefined &&
    timestamp === undefined &&
    header(req, 'x-hubspot-signature-version') === 'v2';
  if (v2Only) return { version: 'v2', signature: header(req, 'x-hubspot-signature') };
  return { version: 'v3', signature, timestamp };
}

function answer(res: Response, error: AppError): void {
  res
    .status(error.httpStatus)
    .json({ error: { code: error.code, message: error.message, details: error.details } });
}

const refusal = () =>
  new AppError('unauthorized', 'The HubSpot request signature is missing, invalid or expired.');

/** Counts the check and answers 401; a body not read yet stays unread (closeUnreadBodies ends the connection). */
function refuse(res: Response, reason: SignatureFailure): void {
  signatureChecks.inc({ outcome: reason });
  answer(res, refusal());
}

/**
 * Express middleware: 401 unless the request carries a valid, fresh HubSpot v3 signature over its raw body (or,
 * with `acceptV2`, no v3 header and a valid v2 signature; v1 and any other version are refused).
 * Order, so that an unsigned request costs nothing: headers and timestamp first (the body is not read), then the
 * raw body up to the route's bound (413 past it), then the hash, and only then is the body parsed as JSON.
 */
export function requireHubSpotSignature(options: SignatureOptions): RequestHandler {
  const now = options.now ?? Date.now;
  const bound = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBytesOf = typeof bound === 'number' ? () => bound : bound;
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const at = now();
      const carried = carriedSignature(req, options.acceptV2 ?? false);
      const early =
        carried.version === 'v2' ? checkSignatureV2Header(carried) : checkSignatureHeaders(carried, at);
      if (!early.valid) return refuse(res, early.reason);
      const rawBody = await readRawBody(req, maxBytesOf(req));
      const uri = rebuildUri(options.publicBaseUrl, req.originalUrl);
      const signed = { method: req.method, uri, rawBody, signature: carried.signature };
      const check =
        carried.version === 'v2'
          ? verifySignatureV2(options.clientSecret, signed)
          : verifySignature(options.clientSecret, { ...signed, timestamp: carried.timestamp }, at);
      if (!check.valid) return refuse(res, check.reason);
      signatureChecks.inc({ outcome: 'valid' });
      parseJsonBody(req, rawBody);
      const query = new URL(uri).searchParams;
      res.locals.hubspot = signedQuery.parse(Object.fromEntries(query.entries())) satisfies SignedContext;
      next();
    } catch (error) {
      if (isAppError(error, 'payload_too_large')) signatureChecks.inc({ outcome: 'too_large' });
      if (isAppError(error) && error.code !== 'internal') answer(res, error);
      else next(error);
    }
  };
}
