// `certcloud verify` offline: a genuine PDF and token pass the checks it can make and say what needs a
// connection; a tampered file fails naming the check; without a key set it says where to get one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCommands } from './verification.cli.ts';
import { type VerificationWorld, verificationWorld } from './verification.test-kit.ts';

describe('certcloud verify (offline)', () => {
  let w: VerificationWorld;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-verify-cli-'));
  const keys = path.join(dir, 'jwks.json');
  let pdfFile: string;
  let token: string;
  const run = async (args: string[]) => {
    const lines: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => lines.push(String(s)) > 0);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => lines.push(String(s)) > 0);
    try {
      const code = await verifyCommands['verify']!(w.config, args);
      return { code, text: lines.join('') };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  };

  beforeAll(async () => {
    w = await verificationWorld('sqlite');
    const cert = await w.issue('clean-adult', 'household-registration', '入学');
    const docs = await w.documents(cert.id);
    pdfFile = path.join(dir, 'c.pdf');
    fs.writeFileSync(pdfFile, docs.pdf);
    token = docs.token;
    const res = await w.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    fs.writeFileSync(keys, res.body);
  }, 60_000);
  afterAll(async () => {
    await w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes a genuine PDF and token, and says revocation needs a connection', async () => {
    for (const input of [pdfFile, `${w.config.publicUrl}/v/X#${token}`]) {
      const { code, text } = await run([input, '--keys', keys]);
      expect(code, text).toBe(0);
      expect(text).toMatch(/✔ integrity/);
      expect(text).toMatch(/\? status .*need a connection/);
      expect(text).toContain('not checked offline');
    }
  });

  it('fails a PDF with an appended update, naming coverage', async () => {
    const tampered = path.join(dir, 't.pdf');
    fs.writeFileSync(tampered, Buffer.concat([fs.readFileSync(pdfFile), Buffer.from('\n%%EOF\n')]));
    const { code, text } = await run([tampered, '--keys', keys]);
    expect(code).toBe(1);
    expect(text).toMatch(/✘ coverage/);
    expect(text).toContain('failed: coverage');
  });

  it('explains where to get the key set when none is cached', async () => {
    const { code, text } = await run([pdfFile, '--keys', path.join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expect(text).toContain('/.well-known/jwks.json');
  });
});
