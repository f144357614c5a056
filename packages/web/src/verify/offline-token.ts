// Offline check of the token in a scanned QR (`/v/{code}#<JWS>`): ES256 signature against the public keys,
// cached from /.well-known/jwks.json the last time the device was online. Status needs a connection.
import { QR_TOKEN_TYP, type QrClaims } from '@certcloud/core';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

const JWKS_KEY = 'cc.jwks';

function cachedJwks(): JSONWebKeySet | undefined {
  try {
    const raw = localStorage.getItem(JWKS_KEY);
    return raw ? (JSON.parse(raw) as JSONWebKeySet) : undefined;
  } catch {
    return undefined;
  }
}

/** Fetches the public keys and keeps a copy for offline use; falls back to the copy when offline. */
export async function loadJwks(): Promise<{ jwks: JSONWebKeySet; fromCache: boolean } | undefined> {
  try {
    const res = await fetch('/.well-known/jwks.json', { credentials: 'omit' });
    if (res.ok) {
      const jwks = (await res.json()) as JSONWebKeySet;
      try {
        localStorage.setItem(JWKS_KEY, JSON.stringify(jwks));
      } catch {
        // storage full or disabled: verify now, not later
      }
      return { jwks, fromCache: false };
    }
  } catch {
    // offline: use the copy below
  }
  const jwks = cachedJwks();
  return jwks ? { jwks, fromCache: true } : undefined;
}

/** The token's claims when its signature verifies with one of the keys; undefined when it does not. */
export async function verifyQrToken(token: string, jwks: JSONWebKeySet): Promise<QrClaims | undefined> {
  const keys = { keys: jwks.keys.filter((k) => k.alg === 'ES256') };
  try {
    const { payload, protectedHeader } = await compactVerify(token, createLocalJWKSet(keys), {
      algorithms: ['ES256'],
    });
    if (protectedHeader.typ !== QR_TOKEN_TYP) return undefined;
    return JSON.parse(new TextDecoder().decode(payload)) as QrClaims;
  } catch {
    return undefined;
  }
}

/** Splits a scanned verification URL into its code and token (any host: the QR names the platform's URL). */
export function parseVerifyUrl(text: string): { code: string; token?: string } | undefined {
  const m = /\/v\/([0-9A-Za-z-]+)(?:#(.+))?$/.exec(text.trim());
  if (m) return m[2] ? { code: m[1]!, token: decodeURIComponent(m[2]) } : { code: m[1]! };
  const bare = text.trim();
  return /^[0-9A-Za-z-]{22,30}$/.test(bare) ? { code: bare } : undefined;
}
