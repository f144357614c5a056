// `certcloud verify <file.pdf | token | URL> [--keys jwks.json]`: offline verification with a cached copy
// of the published key set. Signature, coverage, issuer chain and token signature are checked here; the
// record and the revocation status need the server, and the output says so rather than guessing.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VerificationCheck } from '@certcloud/core';
import type { CliCommand } from '../../city/city.cli.ts';
import type { PublishedJwk } from '../../signing/key-store.ts';
import { trustFromJwks } from './trust-anchors.ts';
import { assessPdf } from './verify-document.ts';
import { assessToken } from './verify-token.ts';

const USAGE = `用法 usage: certcloud verify <file.pdf | QR token | verification URL> [--keys jwks.json]

  离线核验 verifies offline with a saved key set (default: <CERTCLOUD_DATA_DIR>/jwks.json), downloaded from
  <PUBLIC_URL>/.well-known/jwks.json. Revocation and the stored record need a connection: use
  POST /api/v1/verify/document or /api/v1/verify/token (or the /verify page) for those.
`;

const MARK: Record<VerificationCheck['result'], string> = { passed: '✔', failed: '✘', unknown: '?' };

/** `verify`: exit 0 when nothing failed (unknowns allowed), 1 when a check failed, 2 on usage errors. */
const verify: CliCommand = async (config, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' } },
  });
  const input = positionals[0];
  if (!input) {
    process.stderr.write(USAGE);
    return 2;
  }
  const keysFile = values.keys ?? path.join(config.dataDir, 'jwks.json');
  if (!fs.existsSync(keysFile)) {
    process.stderr.write(
      `没有缓存的公钥集 no cached key set at ${keysFile}\n请先下载 download it first: ${config.publicUrl}/.well-known/jwks.json → ${keysFile} (or pass --keys)\n`,
    );
    return 2;
  }
  const jwks = JSON.parse(fs.readFileSync(keysFile, 'utf8')) as { keys: PublishedJwk[] };
  const trust = trustFromJwks(jwks);
  const now = new Date();
  const isFile = fs.existsSync(input) && fs.statSync(input).isFile();
  let checks: VerificationCheck[];
  if (isFile) {
    const bytes = fs.readFileSync(input);
    checks = assessPdf(bytes, trust, 'offline', now).checks;
    process.stdout.write(`文件 file: ${input} (${bytes.length} bytes)\n`);
  } else {
    const token = input.includes('#') ? input.slice(input.indexOf('#') + 1) : input;
    const assessed = await assessToken(token, trust, 'offline', now);
    checks = assessed.checks;
    if (assessed.claims) {
      const c = assessed.claims;
      process.stdout.write(
        `二维码 token: ${c.serial} ${c.type} ${c.name} ${c.id} 出具 issued ${c.issued} 有效期至 valid until ${c.validUntil}\n`,
      );
    }
  }
  for (const c of checks) {
    process.stdout.write(`${MARK[c.result]} ${c.name.padEnd(9)} ${c.message.zh} — ${c.message.en}\n`);
  }
  const failed = checks.filter((c) => c.result === 'failed').map((c) => c.name);
  if (failed.length > 0) {
    process.stdout.write(`结论 verdict: 无效 INVALID — 未通过 failed: ${failed.join(', ')}\n`);
    return 1;
  }
  process.stdout.write(
    '结论 verdict: 签章真实、内容未被改动 AUTHENTIC AND UNALTERED — 离线无法确认是否已撤销或与存档一致 (revocation and record not checked offline: needs a connection)\n',
  );
  return 0;
};

/** The verification subcommands by name. */
export const verifyCommands: Record<string, CliCommand> = { verify };
