import { type ErrorCode, errorCatalogue } from './error-codes.ts';

/** The JSON body of every error answer: `{"error": {code, message, details}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: Record<string, unknown> };
}

/** An error with a stable code; the HTTP status and the wording come from the catalogue. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    opts: { details?: Record<string, unknown>; cause?: unknown; message?: string } = {},
  ) {
    super(opts.message ?? errorCatalogue[code].en, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
  }

  /** HTTP status for this code. */
  get status(): number {
    return errorCatalogue[this.code].status;
  }

  /** The answer body, zh-CN message first. */
  toBody(): ErrorBody {
    const entry = errorCatalogue[this.code];
    return {
      error: {
        code: this.code,
        message: entry.zh,
        messageEn: entry.en,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** True when `e` is an AppError (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === 'AppError' && 'code' in e);
}
