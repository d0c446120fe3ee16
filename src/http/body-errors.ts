import type { ErrorRequestHandler } from 'express';

import { Logger } from '../logger';

/** What body-parser's refusals mean, in the GraphQL error shape clients already read. */
const BODY_ERRORS: Record<string, { code: string; message: (limit: number) => string }> = {
  'entity.too.large': {
    code: 'PAYLOAD_TOO_LARGE',
    message: (limit) =>
      `The request body is larger than ${limit} bytes (PAPERGRAPH_MAX_BODY_BYTES).`,
  },
  'entity.parse.failed': {
    code: 'BAD_REQUEST',
    message: () => 'The request body is not valid JSON.',
  },
  'encoding.unsupported': { code: 'BAD_REQUEST', message: () => 'Unsupported content encoding.' },
  'charset.unsupported': { code: 'BAD_REQUEST', message: () => 'Unsupported charset; send UTF-8.' },
  'request.aborted': { code: 'BAD_REQUEST', message: () => 'The request was aborted.' },
};

/**
 * The last express handler: turns a refused body (too large, not JSON) into a clean JSON error
 * with its status, and anything else into a bare 500. Express's own handler would answer HTML
 * with a stack trace outside production.
 */
export function httpErrorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = BODY_ERRORS[(error as { type?: string })?.type ?? ''];
    const status = Number((error as { status?: number })?.status);
    if (known && status >= 400 && status < 500) {
      logger.warn(
        { method: req.method, path: req.path, status, code: known.code },
        'request refused',
      );
      res.status(status).json({
        errors: [{ message: known.message(maxBodyBytes), extensions: { code: known.code } }],
      });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unexpected HTTP error');
    res.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
}
