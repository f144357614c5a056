import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentSigner } from '../signing/department-signer.ts';
import { createTestKeyStore } from '../signing/test-key-store.ts';
import { renderCertificatePdf, renderSignedCertificatePdf } from './certificate-documents.ts';
import { signPdf } from './pdf-signature.ts';
import { RARE_NAME, sampleCertificate } from './test-certificate.ts';

const has = (tool: string) => spawnSync(tool, ['-v']).error === undefined;
const hasPoppler = has('pdftotext') && has('pdfsig');
const hasCertutil = spawnSync('certutil', ['-H']).error === undefined;
if (!hasPoppler) console.warn('poppler-utils (pdfsig, pdftotext) is not installed: PDF checks are SKIPPED');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-pdf-'));
const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const pdfsig = (file: string, ...args: string[]) =>
  spawnSync('pdfsig', [...args, file], { encoding: 'utf8' }).stdout;

describe('certificate PDF', () => {
  let t: Awaited<ReturnType<typeof createTestKeyStore>>;
  let signer: DepartmentSigner;
  let nssDir: string | undefined;
  beforeAll(async () => {
    t = await createTestKeyStore();
    signer = await t.keyStore.signerFor('MZ-GA-441402-01');
    if (hasCertutil) {
      // An NSS database trusting our root, so pdfsig can check the whole chain.
      nssDir = path.join(dir, 'nss');
      fs.mkdirSync(nssDir);
      execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
      const rootFile = write('root.pem', Buffer.from(await t.keyStore.rootCertificatePem()));
      execFileSync('certutil', [
        '-A',
        '-d',
        `sql:${nssDir}`,
        '-n',
        'certcloud-root',
        '-t',
        'C,C,C',
        '-i',
        rootFile,
      ]);
    }
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is one A4 page with the fonts embedded as subsets', async () => {
    const pdf = Buffer.from(await renderCertificatePdf(sampleCertificate()));
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pdf.length).toBeLessThan(150_000);
    if (!hasPoppler) return;
    const fonts = execFileSync('pdffonts', [write('fonts.pdf', pdf)], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/[A-Z]{6}\+HanaMinB\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it.skipIf(!hasPoppler)(
    'shows the holder’s rare-character name and the key facts to text extraction',
    async () => {
      const file = write('text.pdf', await renderCertificatePdf(sampleCertificate()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(`持证人：${RARE_NAME}`);
      expect(text).toContain('无犯罪记录证明');
      expect(text).toContain('441402**********1234');
      expect(text).toContain('验证码：7K3QX-ABCDE-FGHJK-MNPQR-4D');
      expect(text).toContain('证明编号：MZ-GA-441402-01-2026-000123');
      expect(text).toContain('0753-2123456');
      expect(text).toContain('本证明可通过扫描二维码或访问 https://zm.example.gov.cn/verify 输入验证码核验');
    },
  );

  it.skipIf(!hasPoppler)(
    'signed in one pass: pdfsig reports the signature valid, chained to our root',
    async () => {
      const file = write('signed.pdf', await renderSignedCertificatePdf(sampleCertificate(), signer));
      const out = pdfsig(file);
      expect(out).toContain('Signature is Valid.');
      expect(out).toContain('Signer Certificate Common Name: 梅州市公安局江南派出所');
      expect(out).toContain('ETSI.CAdES.detached');
      expect(out).toContain('Total document signed');
      if (nssDir) expect(pdfsig(file, '-nssdir', `sql:${nssDir}`)).toContain('Certificate is Trusted.');
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain(RARE_NAME);
    },
  );

  it.skipIf(!hasPoppler)('one changed byte inside the signed range makes it invalid', async () => {
    const pdf = Buffer.from(await renderSignedCertificatePdf(sampleCertificate(), signer));
    const at = pdf.indexOf('/Producer (certcloud)') + '/Producer ('.length;
    pdf[at] = 'C'.charCodeAt(0);
    const out = pdfsig(write('tampered.pdf', pdf));
    expect(out).not.toContain('Signature is Valid.');
    expect(out).toMatch(/Signature is Invalid|Digest Mismatch/i);
  });

  it.skipIf(!hasPoppler)('signPdf (via @libpdf/core) signs any PDF so pdfsig accepts it', async () => {
    const signed = await signPdf(await renderCertificatePdf(sampleCertificate()), signer);
    const out = pdfsig(write('libpdf.pdf', signed));
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('梅州市公安局江南派出所');
  });
});
