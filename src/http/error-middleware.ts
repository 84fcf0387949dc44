import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError } from '../domain/app-error';
import type { Logger } from '../logger';
import { asDatabaseOutage, isDatabaseOutage } from '../store/database-outage';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
  limit?: number;
}

const asBodyParserError = (error: unknown): BodyParserError | undefined =>
  error instanceof Error && typeof (error as BodyParserError).type === 'string'
    ? (error as BodyParserError)
    : undefined;

/** Turns anything thrown into the AppError a caller may see; unknown errors become a plain 500. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const parser = asBodyParserError(error);
  if (parser?.type === 'entity.too.large') {
    const limit = parser.limit === undefined ? '' : ` of ${parser.limit} bytes`;
    return new AppError('payload_too_large', `The request body is larger than the limit${limit}.`, [], {
      cause: error,
    });
  }
  if (parser?.type === 'entity.parse.failed') {
    const details = [{ path: 'body', message: parser.message }];
    return new AppError('invalid_input', 'The request body is not valid JSON.', details, { cause: error });
  }
  if (parser?.expose && parser.status !== undefined && parser.status < 500) {
    return new AppError('invalid_input', parser.message, [], { cause: error });
  }
  const outage = parser ? undefined : asDatabaseOutage(error);
  if (isDatabaseOutage(outage)) return outage;
  return new AppError('internal', 'Something went wrong.', [], { cause: error });
}

/**
 * The one error middleware: answers `{error: {code, message, details}}`. Unexpected 5xx errors are logged with
 * their cause; a 503 (database outage, missing configuration) is expected and says what it is, so it is a
 * warning without a stack.
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const appError = toAppError(error);
    const requestId = res.locals.requestId as string | undefined;
    const context = { requestId, method: req.method, path: req.path, code: appError.code };
    if (appError.code === 'unavailable')
      logger.warn({ ...context, message: appError.message }, 'request refused: service unavailable');
    else if (appError.httpStatus >= 500) logger.error({ ...context, err: error }, 'request failed');
    else logger.info({ ...context, message: appError.message }, 'request rejected');
    const message =
      appError.code === 'internal' && requestId
        ? `${appError.message} (reference ${requestId})`
        : appError.message;
    res
      .status(appError.httpStatus)
      .json({ error: { code: appError.code, message, details: appError.details } });
  };
}

/** Answers 404 in the error shape for any route nobody handled. */
export const notFound: RequestHandler = (req) => {
  throw new AppError('not_found', `There is no ${req.method} ${req.path}.`);
};
