// Structured logs (pino) that never carry a resident ID number, a secret or a token.
import { redactResidentIds } from '@certcloud/core';
import pino, { type Logger } from 'pino';

/** Header and body paths that must never be logged. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.totp',
  '*.idNumber',
  '*.holderId',
  '*.clientSecret',
];

// A verification code in a path (/api/v1/verify/{code}, the page /v/{code}) lets whoever reads it see the
// certificate's statement: logs keep its first group only. (Shorter segments — `document`, `token` — are
// route names, not codes.)
const CODE_IN_PATH = /(\/api\/v1\/verify\/|\/v\/)([^/?#]{4})[^/?#]{8,}/g;

/** `url` with any verification code in its path cut to its first four characters. */
export function redactVerificationCodes(url: string): string {
  return url.replace(CODE_IN_PATH, (_m, prefix: string, head: string) => `${prefix}${head}…`);
}

/** Creates the platform logger; `destination` lets tests capture every line. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          url: redactVerificationCodes(redactResidentIds(req.url)),
          id: req.id,
        }),
      },
      hooks: {
        // Free-text messages too: any 18-character ID number is masked before it is written.
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? redactResidentIds(a) : a));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
