// Log lines as an operator reads them: no resident ID numbers, no verification codes, no secrets.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactVerificationCodes } from './logger.ts';

describe('logger', () => {
  it('keeps only the first four characters of a verification code in a logged URL', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      { req: { method: 'GET', url: '/api/v1/verify/7K3M-9QXR-2D5F-HT8W-JC4N-PV', id: 'r1' } },
      'in',
    );
    logger.info({ req: { method: 'GET', url: '/v/7K3M9QXR2D5FHT8WJC4NPV?lang=en', id: 'r2' } }, 'in');
    const text = lines.join('');
    expect(text).toContain('/api/v1/verify/7K3M…');
    expect(text).toContain('/v/7K3M…?lang=en');
    expect(text).not.toContain('9QXR');
    expect(redactVerificationCodes('/api/v1/verify/document')).toBe('/api/v1/verify/document');
    expect(redactVerificationCodes('/api/v1/certificates/abc')).toBe('/api/v1/certificates/abc');
  });
});
