// The master key that encrypts private keys at rest: CERTCLOUD_MASTER_KEY, or else a 0600 key file
// created on first start. Ciphertexts are bound to their key id (AAD), so rows cannot be swapped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@certcloud/core';
import type { Config } from '../config/config.ts';

/** The 32-byte master key: from the configuration, or `<dataDir>/master.key` (created if absent). */
export function loadMasterKey(config: Pick<Config, 'masterKey' | 'dataDir'>): Buffer {
  if (config.masterKey) return config.masterKey;
  const file = path.join(config.dataDir, 'master.key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together cannot both create one.
    const fd = fs.openSync(file, 'wx', 0o600);
    fs.writeSync(fd, crypto.randomBytes(32));
    fs.closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const stat = fs.statSync(file);
  if ((stat.mode & 0o077) !== 0) {
    throw new AppError('CONFIG_INVALID', {
      message: `${file} must be readable by its owner only (chmod 600)`,
      details: { problems: [`${file} has mode ${(stat.mode & 0o777).toString(8)}, expected 600`] },
    });
  }
  const key = fs.readFileSync(file);
  if (key.length !== 32) {
    throw new AppError('CONFIG_INVALID', {
      message: `${file} must hold exactly 32 bytes`,
      details: { problems: [`${file} has ${key.length} bytes, expected 32`] },
    });
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url): AES-256-GCM of a PKCS#8 private key. */
export function encryptPrivateKey(masterKey: Buffer, pkcs8: Uint8Array, kid: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(kid, 'utf8'));
  const ct = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The private key sealed by `encryptPrivateKey`; INTERNAL if the master key or row is wrong. */
export function decryptPrivateKey(masterKey: Buffer, sealed: string, kid: string): crypto.KeyObject {
  const [version, iv, tag, ct] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !ct)
    throw new AppError('INTERNAL', { message: `key ${kid}: bad format` });
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const der = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
    return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new AppError('INTERNAL', {
      cause,
      message: `key ${kid} cannot be decrypted: is CERTCLOUD_MASTER_KEY (or data/master.key) the one it was made with?`,
    });
  }
}
