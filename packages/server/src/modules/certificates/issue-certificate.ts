// The issuance path: authorise → gather facts → rule → documents → ONE transaction (application, certificate,
// documents, access records, outbox event). Documents are signed before the transaction so that a crash leaves
// either nothing or a complete, retrievable certificate.
import {
  AppError,
  type ApplyRequest,
  addDays,
  chinaDate,
  fillTemplate,
  newVerificationCode,
  normaliseVerificationCode,
  type RuleInput,
  validateResidentId,
} from '@certcloud/core';
import type { Store } from '../../db/connection.ts';
import { newRowId } from '../../db/row-id.ts';
import type { ApplicationRow, CertificateRow } from '../../db/schema.ts';
import type { TransactionRunner } from '../../db/transaction-runner.ts';
import type { Identity } from '../../http/identity.ts';
import { type AccessEntry, appendAccessRecords } from '../access-log/access-log.repository.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { type Facts, gatherFacts } from '../sources/gather-facts.ts';
import type { SourceRegistry } from '../sources/source-registry.ts';
import { enqueueEvent, insertApplication, insertCertificate } from './certificates.repository.ts';
import type { DocumentProducer } from './documents.port.ts';
import { authorizeRequester, holderOf, type Requester } from './requester.ts';
import type { SerialAllocator } from './serial-allocator.ts';

/** What issuance needs. */
export interface IssuanceDeps {
  store: Store;
  /** Commits units of work (grouped on SQLite: one fsync for many certificates). */
  transactions: TransactionRunner;
  serials: SerialAllocator;
  registry: SourceRegistry;
  catalogue: Catalogue;
  documents: DocumentProducer;
  publicUrl: string;
  now?: () => Date;
  /** Crash-test hook: called at each step of the issuing path (tests kill the process there). */
  failpoint?: (step: 'serial-allocated' | 'documents-signed' | 'certificate-written' | 'committed') => void;
}

/** Issues a certificate, or records the refusal/referral and throws NOT_ELIGIBLE / REFERRED. */
export async function issueCertificate(
  deps: IssuanceDeps,
  identity: Identity,
  body: ApplyRequest,
): Promise<CertificateRow> {
  const { store, registry, catalogue } = deps;
  const now = deps.now?.() ?? new Date();
  const type = catalogue.get(body.type);
  const holderId = holderOf(identity, body);
  const today = chinaDate(now);
  const parsed = validateResidentId(holderId, today.replaceAll('-', ''));
  if (!parsed.ok)
    throw new AppError('INVALID_RESIDENT_ID', { details: { field: 'holderId', reason: parsed.error } });
  if (body.relatedId && !validateResidentId(body.relatedId, today.replaceAll('-', '')).ok) {
    throw new AppError('INVALID_RESIDENT_ID', { details: { field: 'relatedId' } });
  }
  const requester = await authorizeRequester(store.db, identity, type, holderId, body);

  const relatedId = type.relatedSources && body.relatedId ? body.relatedId.toUpperCase() : null;
  const [facts, relatedFacts] = await Promise.all([
    gatherFacts(registry, holderId, type.sources),
    relatedId ? gatherFacts(registry, relatedId, type.relatedSources ?? []) : Promise.resolve(null),
  ]);
  const input: RuleInput = {
    today,
    holder: { id: holderId, gender: parsed.parts.gender, birthDate: parsed.parts.birthDate },
    request: {
      purpose: body.purpose,
      relation: requester.relation,
      kinship: body.kinship ?? null,
      relatedId: body.relatedId?.toUpperCase() ?? null,
      reference: body.reference ?? null,
    },
    sources: recordsOf(facts),
    related: relatedId && relatedFacts ? { id: relatedId, sources: recordsOf(relatedFacts) } : null,
  };
  const outcome = await catalogue.rule(type.code).evaluate(input);
  const household = facts['household']?.records[0];
  const issuerCode =
    type.issuer.kind === 'department'
      ? type.issuer.department
      : ((household?.['police_station'] as string) ?? null);
  const access = accessEntries(
    requester,
    type.code,
    holderId,
    type.sources,
    body.purpose,
    relatedId,
    type.relatedSources,
  );
  const application: ApplicationRow = {
    id: newRowId(),
    created_at: now.toISOString(),
    type: type.code,
    holder_id: holderId,
    requester_kind: requester.kind,
    requester_id: requester.id,
    requester_name: requester.name,
    relation: requester.relation,
    purpose: body.reason ? `${body.purpose}（${body.reason}）` : body.purpose,
    channel: requester.channel,
    outcome: 'refused',
    reason_zh: null,
    reason_en: null,
    issuer_code: issuerCode,
    certificate_id: null,
  };

  if (outcome.outcome !== 'issue') {
    application.outcome = outcome.outcome === 'refuse' ? 'refused' : 'referred';
    application.reason_zh = outcome.reason.zh;
    application.reason_en = outcome.reason.en;
    await deps.transactions.run(async (trx) => {
      await insertApplication(trx, application);
      await appendAccessRecords(trx, withRef(access, application.id));
    });
    const issuer = issuerCode ? registry.department(issuerCode) : null;
    throw new AppError(outcome.outcome === 'refuse' ? 'NOT_ELIGIBLE' : 'REFERRED', {
      details: { applicationId: application.id, reason: outcome.reason, contact: issuer },
    });
  }
  if (!issuerCode) throw new AppError('INTERNAL', { message: `no issuer for ${type.code}` });

  const issuer = registry.department(issuerCode);
  const year = Number(today.slice(0, 4));
  const n = await deps.serials.next(issuerCode, year);
  deps.failpoint?.('serial-allocated');
  const serial = `${issuerCode}-${year}-${String(n).padStart(6, '0')}`;
  const code = newVerificationCode();
  const holderName =
    outcome.statement['name'] ?? outcome.statement['childName'] ?? String(household?.['name'] ?? '');
  const statementText = fillTemplate(type.wording.body.zh, outcome.statement);
  const certificate: CertificateRow = {
    id: newRowId(),
    serial,
    verification_code: normaliseVerificationCode(code)!,
    application_id: application.id,
    type: type.code,
    issuer_code: issuerCode,
    holder_id: holderId,
    holder_name: holderName,
    requester_kind: requester.kind,
    requester_id: requester.id,
    relation: requester.relation,
    purpose: body.purpose,
    channel: requester.channel,
    statement: JSON.stringify(outcome.statement),
    statement_text: statementText,
    issued_at: now.toISOString(),
    valid_until: addDays(today, type.validityDays - 1),
    status: 'valid',
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
    status_index: n,
  };
  const docs = await deps.documents.produce({
    certificateId: certificate.id,
    type,
    serial,
    verificationCode: code,
    verifyUrl: `${deps.publicUrl}/v/${code}`,
    holderId,
    holderName,
    statement: outcome.statement,
    statementText,
    purpose: body.purpose,
    issuedAt: certificate.issued_at,
    validUntil: certificate.valid_until,
    issuer,
    statusListIndex: n,
    requesterLine: requester.relation === 'self' ? null : `申请人：${requester.name}`,
  });
  deps.failpoint?.('documents-signed');
  application.outcome = 'issued';
  application.certificate_id = certificate.id;
  await deps.transactions.run(async (trx) => {
    await insertApplication(trx, application);
    await insertCertificate(trx, certificate, docs);
    deps.failpoint?.('certificate-written');
    await appendAccessRecords(trx, withRef(access, application.id));
    const notifyUnit =
      type.notify === 'holder-police-station'
        ? ((household?.['police_station'] as string) ?? issuerCode)
        : issuerCode;
    await enqueueEvent(trx, 'certificate.issued', { certificateId: certificate.id, notify: notifyUnit });
  });
  deps.failpoint?.('committed');
  return certificate;
}

function recordsOf(facts: Facts): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(facts).map(([id, f]) => [id, f.records]));
}

function accessEntries(
  requester: Requester,
  typeCode: string,
  holderId: string,
  sources: string[],
  purpose: string,
  relatedId: string | null,
  relatedSources: string[] | undefined,
): AccessEntry[] {
  const base = {
    actorKind: requester.kind,
    actorId: requester.id,
    actorName: requester.name,
    service: `certificate:${typeCode}`,
    purpose,
  } as const;
  const entries: AccessEntry[] = [
    { ...base, subjectId: holderId, sources: [...new Set([...requester.proofSources, ...sources])] },
  ];
  if (relatedId) entries.push({ ...base, subjectId: relatedId, sources: relatedSources ?? [] });
  return entries;
}

function withRef(entries: AccessEntry[], ref: string): AccessEntry[] {
  return entries.map((e) => ({ ...e, ref }));
}
