import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { AppError, isAppError } from '../errors/app-error';
import { DEFAULT_MAX_BODY_BYTES, parseJsonBody, readRawBody } from './read-raw-body';
import { verifySignature } from './verify-signature';

export interface SignatureOptions {
  clientSecret: string;
  /** PUBLIC_BASE_URL: the https origin (and optional path prefix) HubSpot calls. */
  publicBaseUrl: string;
  /** Clock in epoch ms; injectable for tests. */
  now?: () => number;
  maxBodyBytes?: number;
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

function answer(res: Response, error: AppError): void {
  res
    .status(error.httpStatus)
    .json({ error: { code: error.code, message: error.message, details: error.details } });
}

/** Express middleware: 401 unless the request carries a valid, fresh HubSpot v3 signature over its raw body. */
export function requireHubSpotSignature(options: SignatureOptions): RequestHandler {
  const now = options.now ?? Date.now;
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const rawBody = await readRawBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      const uri = rebuildUri(options.publicBaseUrl, req.originalUrl);
      const check = verifySignature(
        options.clientSecret,
        {
          method: req.method,
          uri,
          rawBody,
          signature: header(req, 'x-hubspot-signature-v3'),
          timestamp: header(req, 'x-hubspot-request-timestamp'),
        },
        now(),
      );
      if (!check.valid) {
        answer(
          res,
          new AppError('unauthorized', 'The HubSpot request signature is missing, invalid or expired.'),
        );
        return;
      }
      parseJsonBody(req, rawBody);
      const query = new URL(uri).searchParams;
      res.locals.hubspot = signedQuery.parse(Object.fromEntries(query.entries())) satisfies SignedContext;
      next();
    } catch (error) {
      if (isAppError(error) && error.code !== 'internal') answer(res, error);
      else next(error);
    }
  };
}
