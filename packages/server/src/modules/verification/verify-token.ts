// POST /api/v1/verify/token: a scanned QR token — the ES256 signature against the published QR keys
// (an unknown kid is rejected), the key's department against the token's issuer, the claims against the
// record found by serial, then the current status. `assessToken` is shared with the offline CLI.

import type { QrClaims } from '@certcloud/core';
import {
  type CheckedVerification,
  chinaDate,
  maskName,
  maskResidentId,
  type VerificationCheck,
} from '@certcloud/core';
import { decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { verifyQrToken } from '../../documents/qr-token.ts';
import { type TrustAnchors, trustFromJwks } from './trust-anchors.ts';
import { check, statusCheck, verdictOf } from './verdict.ts';
import { findBySerial, type VerifiableCertificate } from './verification.repository.ts';
import { publicStatement, revocationCategory, type VerificationDeps } from './verify-code.ts';

const OFFLINE = {
  zh: '离线无法核对：需联网查询记录与撤销状态',
  en: 'not checked offline: the record and revocation need a connection',
};

/** The checks of a token; `findRecord` looks the serial up (omitted offline). */
export async function assessToken(
  token: string,
  trust: TrustAnchors,
  findRecord: ((serial: string) => Promise<VerifiableCertificate | undefined>) | 'offline',
  now: Date,
): Promise<{
  checks: VerificationCheck[];
  row: VerifiableCertificate | undefined;
  claims: QrClaims | undefined;
}> {
  const checks: VerificationCheck[] = [];
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    kid = undefined;
  }
  const key = trust.qrKeys.keys.find((k) => k.kid === kid);
  let claims: QrClaims | undefined;
  if (!key) {
    checks.push(
      check(
        'integrity',
        'failed',
        '二维码不是由本平台公布的密钥签名',
        'signed by a key the platform never published (unknown kid)',
      ),
    );
  } else {
    try {
      claims = (await verifyQrToken(token, trust.qrKeys as JSONWebKeySet)).claims;
      checks.push(
        check(
          'integrity',
          'passed',
          '二维码签名有效，内容未被改动',
          'the token signature verifies with the published key',
        ),
      );
    } catch {
      checks.push(
        check(
          'integrity',
          'failed',
          '二维码签名无效：内容被改动',
          'the token signature does not verify (altered)',
        ),
      );
    }
  }
  if (!claims || !key) {
    checks.push(check('issuer', 'failed', '无法确认出具单位', 'no verified issuer'));
    checks.push(check('record', 'failed', '无法对应到已出具的证明', 'no verified claims to look up'));
    checks.push(check('status', 'unknown', '未核对状态', 'status not checked'));
    return { checks, row: undefined, claims: undefined };
  }
  checks.push(
    key.department === claims.issuer
      ? check(
          'issuer',
          'passed',
          `由出具单位（${claims.issuer}）的密钥签名`,
          `signed with the key of ${claims.issuer}`,
        )
      : check(
          'issuer',
          'failed',
          '签名密钥不属于二维码所称的出具单位',
          `the key belongs to ${key.department}, not ${claims.issuer}`,
        ),
  );
  const row = findRecord === 'offline' ? undefined : await findRecord(claims.serial);
  if (findRecord === 'offline') checks.push(check('record', 'unknown', OFFLINE.zh, OFFLINE.en));
  else if (!row)
    checks.push(
      check(
        'record',
        'unknown',
        `签名真实，但本平台未找到编号 ${claims.serial}`,
        `authentic, but no record with serial ${claims.serial}`,
      ),
    );
  else if (!claimsMatch(claims, row))
    checks.push(
      check('record', 'failed', '二维码内容与出具记录不符', 'the token claims differ from the record'),
    );
  else
    checks.push(
      check('record', 'passed', `与已出具证明 ${row.serial} 一致`, `matches certificate ${row.serial}`),
    );
  checks.push(
    statusCheck(
      row,
      now,
      findRecord === 'offline'
        ? OFFLINE
        : { zh: '无法确定状态：未找到对应记录', en: 'status unknown: no matching record' },
    ),
  );
  checks.push(
    claims.issued <= chinaDate(now)
      ? check('time', 'passed', `出具日期 ${claims.issued}`, `issued on ${claims.issued}`)
      : check('time', 'failed', '出具日期晚于今天', `issued in the future (${claims.issued})`),
  );
  return { checks, row, claims };
}

function claimsMatch(c: QrClaims, row: VerifiableCertificate): boolean {
  return (
    c.type === row.type &&
    c.issuer === row.issuer_code &&
    c.validUntil === row.valid_until &&
    c.issued === chinaDate(new Date(row.issued_at)) &&
    c.name === maskName(row.holder_name) &&
    c.id === maskResidentId(row.holder_id)
  );
}

/** Verifies a QR token against the platform's keys and records; records the verification. */
export async function verifyToken(deps: VerificationDeps, token: string): Promise<CheckedVerification> {
  const now = deps.now?.() ?? new Date();
  const trust = trustFromJwks(await deps.keyStore.jwks(), await deps.keyStore.rootCertificatePem());
  const { checks, row } = await assessToken(
    token.trim(),
    trust,
    (serial) => findBySerial(deps.store.db, serial),
    now,
  );
  const answer = verdictOf(checks, row, {
    now,
    statement: row ? publicStatement(row, deps) : null,
    category: row ? revocationCategory(row) : null,
  });
  deps.log.record({ channel: 'token', result: answer.verdict, certificateId: row?.id ?? null });
  return answer;
}
