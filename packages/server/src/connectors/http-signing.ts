// HMAC-SHA256 signing between the platform and a department API, both directions.
// Request:  sign("POST\n<path>\n<timestamp>\n<nonce>\n<sha256(body)>")
// Response: sign("<nonce>\n<sha256(body)>") — binds the answer to this request, so it cannot be replayed.
import crypto from 'node:crypto';

export const SIGNATURE_HEADERS = {
  keyId: 'x-certcloud-key-id',
  timestamp: 'x-certcloud-timestamp',
  nonce: 'x-certcloud-nonce',
  signature: 'x-certcloud-signature',
} as const;

const sha256 = (body: string) => crypto.createHash('sha256').update(body).digest('hex');
const hmac = (secret: string, text: string) => crypto.createHmac('sha256', secret).update(text).digest('hex');

/** Headers that sign one request from the platform. */
export function signRequest(
  keyId: string,
  secret: string,
  path: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const nonce = crypto.randomBytes(16).toString('hex');
  const timestamp = String(now);
  return {
    [SIGNATURE_HEADERS.keyId]: keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: hmac(secret, `POST\n${path}\n${timestamp}\n${nonce}\n${sha256(body)}`),
  };
}

/** For departments: checks a platform request (signature and a ±5 min clock window). */
export function verifyRequest(
  secret: string,
  path: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  now = Date.now(),
): boolean {
  const ts = String(headers[SIGNATURE_HEADERS.timestamp] ?? '');
  const nonce = String(headers[SIGNATURE_HEADERS.nonce] ?? '');
  const given = String(headers[SIGNATURE_HEADERS.signature] ?? '');
  if (!/^\d+$/.test(ts) || Math.abs(now - Number(ts)) > 300_000 || !nonce) return false;
  return safeEqual(given, hmac(secret, `POST\n${path}\n${ts}\n${nonce}\n${sha256(body)}`));
}

/** For departments: the signature header value of a response to the request with this nonce. */
export function signResponse(secret: string, nonce: string, body: string): string {
  return hmac(secret, `${nonce}\n${sha256(body)}`);
}

/** Checks a department's response signature. */
export function verifyResponse(
  secret: string,
  nonce: string,
  body: string,
  signature: string | null,
): boolean {
  return signature !== null && safeEqual(signature, signResponse(secret, nonce, body));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
