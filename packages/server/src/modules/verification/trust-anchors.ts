// What a verifier trusts: the platform root, each department's PDF-signing certificate, and the QR keys —
// all read from the published key set (/.well-known/jwks.json), so the server and an offline copy of the
// key set trust exactly the same things.
import crypto from 'node:crypto';
import type { PublishedJwk } from '../../signing/key-store.ts';

/** The trust material of one key set. */
export interface TrustAnchors {
  roots: crypto.X509Certificate[];
  /** Department PDF-signing certificates by SHA-256 fingerprint. */
  pdfSigners: Map<string, { department: string; kid: string; status: string }>;
  /** The QR-token keys only (a PDF or credential key must not validate a token). */
  qrKeys: { keys: PublishedJwk[] };
}

// The key store hands out the same key-set object until it changes: build the anchors once per object.
const cache = new WeakMap<object, { rootPem: string | null; anchors: TrustAnchors }>();

/** Trust anchors from a published key set; `rootPem` pins the root (the server's own), else the set's x5c roots. */
export function trustFromJwks(jwks: { keys: PublishedJwk[] }, rootPem?: string): TrustAnchors {
  const cached = cache.get(jwks);
  if (cached && cached.rootPem === (rootPem ?? null)) return cached.anchors;
  const pdfSigners: TrustAnchors['pdfSigners'] = new Map();
  const roots = new Map<string, crypto.X509Certificate>();
  for (const key of jwks.keys) {
    if (key.purpose !== 'pdf' || !key.x5c?.[0]) continue;
    const cert = new crypto.X509Certificate(Buffer.from(key.x5c[0], 'base64'));
    pdfSigners.set(cert.fingerprint256, { department: key.department, kid: key.kid, status: key.status });
    const last = key.x5c.at(-1);
    if (!rootPem && last && key.x5c.length > 1) {
      const root = new crypto.X509Certificate(Buffer.from(last, 'base64'));
      roots.set(root.fingerprint256, root);
    }
  }
  if (rootPem) {
    const root = new crypto.X509Certificate(rootPem);
    roots.set(root.fingerprint256, root);
  }
  const anchors: TrustAnchors = {
    roots: [...roots.values()],
    pdfSigners,
    qrKeys: { keys: jwks.keys.filter((k) => k.purpose === 'qr') },
  };
  cache.set(jwks, { rootPem: rootPem ?? null, anchors });
  return anchors;
}
