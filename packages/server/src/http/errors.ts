// Maps every error to the `{"error": {...}}` body with a stable code; never a stack trace.
import { AppError, isAppError } from '@certcloud/core';
import type { FastifyError, FastifyInstance } from 'fastify';

/** Installs the error and not-found handlers on an app. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let appError: AppError;
    if (isAppError(err)) {
      appError = err;
    } else if ((err as FastifyError).validation) {
      appError = new AppError('VALIDATION_FAILED', {
        details: {
          problems: (err as FastifyError).validation!.map((v) => ({
            path: v.instancePath || (v.params as { missingProperty?: string }).missingProperty || '',
            message: v.message ?? '',
          })),
        },
      });
    } else if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('PAYLOAD_TOO_LARGE');
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      appError = new AppError((err as FastifyError).statusCode === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST');
    } else {
      req.log.error({ err }, 'unhandled error');
      appError = new AppError('INTERNAL');
    }
    if (appError.status >= 500 && appError.code !== 'INTERNAL')
      req.log.warn({ code: appError.code }, 'service error');
    reply.status(appError.status).send(appError.toBody());
  });
  app.setNotFoundHandler((_req, reply) => {
    const e = new AppError('NOT_FOUND');
    reply.status(e.status).send(e.toBody());
  });
}
