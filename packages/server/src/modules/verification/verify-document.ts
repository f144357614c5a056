// POST /api/v1/verify/document: an uploaded PDF, checked as OpenAttestation does — integrity (the CMS
// signature over the ByteRange digest), coverage (nothing appended after signing), issuer (chain to the
// platform root, and the department the record names), record (the stored PDF with the same SHA-256),
// status and time — each reported on its own. `assessPdf` is shared with the offline CLI.
import crypto from 'node:crypto';
import type { CheckedVerification, VerificationCheck } from '@certcloud/core';
import { CLOCK_SKEW_MS, inspectPdfSignature } from './pdf-signature-check.ts';
import type { TrustAnchors } from './trust-anchors.ts';
import { trustFromJwks } from './trust-anchors.ts';
import { check, statusCheck, verdictOf } from './verdict.ts';
import { findByPdfHash, type VerifiableCertificate } from './verification.repository.ts';
import { publicStatement, revocationCategory, type VerificationDeps } from './verify-code.ts';

const OFFLINE = {
  zh: '离线无法核对：需联网查询记录与撤销状态',
  en: 'not checked offline: the record and revocation need a connection',
};

/** The cryptographic checks and, when a record is given (or `null` = looked up, none), record/status. */
export function assessPdf(
  pdf: Buffer,
  trust: TrustAnchors,
  lookup: { row: VerifiableCertificate | undefined; departmentName?: (code: string) => string } | 'offline',
  now: Date,
): {
  checks: VerificationCheck[];
  row: VerifiableCertificate | undefined;
  signerDepartment: string | undefined;
} {
  const facts = inspectPdfSignature(pdf, trust.roots);
  const row = lookup === 'offline' ? undefined : lookup.row;
  const checks: VerificationCheck[] = [];
  checks.push(
    facts.integrity.result === 'passed'
      ? check('integrity', 'passed', '签名有效，签名后内容未被改动', facts.integrity.reason)
      : check(
          'integrity',
          'failed',
          '签名无效：文件内容在签名后被改动或签名不属于本文件',
          facts.integrity.reason,
        ),
  );
  checks.push(
    facts.coverage.result === 'passed'
      ? check('coverage', 'passed', '签名覆盖整个文件', facts.coverage.reason)
      : check('coverage', 'failed', '签名后文件被追加或修改（增量更新）', facts.coverage.reason),
  );
  const signer = facts.signer ? trust.pdfSigners.get(facts.signer.fingerprint256) : undefined;
  const name = (code: string) =>
    lookup !== 'offline' && lookup.departmentName ? lookup.departmentName(code) : code;
  if (facts.chain.result !== 'passed' || !signer) {
    checks.push(
      facts.chain.result === 'unknown'
        ? check('issuer', 'failed', '无法读取签章证书', facts.chain.reason)
        : check(
            'issuer',
            'failed',
            '签章证书不是本平台签发的部门证书',
            signer ? facts.chain.reason : 'the signer is not a published department certificate',
          ),
    );
  } else if (row && row.issuer_code !== signer.department) {
    checks.push(
      check(
        'issuer',
        'failed',
        `签章单位（${name(signer.department)}）与记录中的出具单位不符`,
        'signed by another department than the record names',
      ),
    );
  } else {
    checks.push(
      check(
        'issuer',
        'passed',
        `由${name(signer.department)}签章，证书链至平台根证书`,
        `signed by ${signer.department}, chained to the platform root`,
      ),
    );
  }
  const cryptoOk = checks.every((c) => c.result === 'passed');
  if (lookup === 'offline') checks.push(check('record', 'unknown', OFFLINE.zh, OFFLINE.en));
  else if (row)
    checks.push(
      check(
        'record',
        'passed',
        `与已出具证明 ${row.serial} 的存档文件一致`,
        `matches the stored PDF of ${row.serial}`,
      ),
    );
  else if (cryptoOk)
    checks.push(
      check(
        'record',
        'unknown',
        '签章真实，但本平台未找到对应的存档文件',
        'authentic signature, but no stored certificate has this exact file',
      ),
    );
  else
    checks.push(
      check('record', 'failed', '与任何已出具证明的存档文件都不一致', 'matches no stored certificate'),
    );
  checks.push(
    statusCheck(
      row,
      now,
      lookup === 'offline'
        ? OFFLINE
        : { zh: '无法确定状态：未找到对应记录', en: 'status unknown: no matching record' },
    ),
  );
  checks.push(timeCheck(facts.signingTime, facts.signer, row, now));
  return { checks, row, signerDepartment: signer?.department };
}

function timeCheck(
  signedAt: Date | undefined,
  cert: crypto.X509Certificate | undefined,
  row: VerifiableCertificate | undefined,
  now: Date,
): VerificationCheck {
  if (!signedAt) return check('time', 'unknown', '文件未注明签章时间', 'no signing time in the signature');
  const day = signedAt.toISOString();
  if (signedAt.getTime() > now.getTime() + 5 * 60_000)
    return check('time', 'failed', '签章时间晚于当前时间', `signed in the future (${day})`);
  if (
    cert &&
    (signedAt.getTime() < Date.parse(cert.validFrom) - CLOCK_SKEW_MS || signedAt > new Date(cert.validTo))
  ) {
    return check('time', 'failed', '签章时签章证书不在有效期内', `signing certificate not valid at ${day}`);
  }
  if (row && Math.abs(Date.parse(row.issued_at) - signedAt.getTime()) > 120_000) {
    return check('time', 'failed', '签章时间与出具记录不符', `signing time ${day} differs from the record`);
  }
  return check(
    'time',
    'passed',
    `签章时间 ${day}`,
    `signed at ${day}, within the signing certificate's validity`,
  );
}

/** Verifies an uploaded PDF against the platform's keys and records; records the verification. */
export async function verifyDocument(deps: VerificationDeps, pdf: Buffer): Promise<CheckedVerification> {
  const now = deps.now?.() ?? new Date();
  const trust = trustFromJwks(await deps.keyStore.jwks(), await deps.keyStore.rootCertificatePem());
  const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
  const row = await findByPdfHash(deps.store.db, sha256);
  const { checks } = assessPdf(
    pdf,
    trust,
    { row, departmentName: (c) => deps.registry.department(c).name },
    now,
  );
  const answer = verdictOf(checks, row, {
    now,
    statement: row ? publicStatement(row, deps) : null,
    category: row ? revocationCategory(row) : null,
  });
  deps.log.record({ channel: 'document', result: answer.verdict, certificateId: row?.id ?? null });
  return answer;
}
