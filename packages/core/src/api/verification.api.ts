// Request and response schemas of public verification and revocation: used by the routes, the web
// verification page, the CLI and OpenAPI.
import { z } from 'zod';
import { bilingualSchema } from '../catalogue/certificate-type.schema.ts';

/** A certificate's status as a checker sees it. */
export const certificateStatusSchema = z.enum(['valid', 'revoked', 'expired']);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/** Why a certificate was revoked: a category the public may see (the officer's words stay internal). */
export const revocationCategorySchema = z.enum([
  'issued-in-error',
  'facts-changed',
  'holder-request',
  'superseded',
  'other',
]);
export type RevocationCategory = z.infer<typeof revocationCategorySchema>;

/** POST /api/v1/certificates/{id}/revoke */
export const revokeRequestSchema = z
  .object({
    category: revocationCategorySchema,
    /** The officer's reason, kept in the audit record; never shown to checkers. */
    reason: z.string().trim().min(2).max(500),
  })
  .strict();
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

/** The minimal statement a checker sees: masked name and ID, and whom to call. */
export const publicStatementSchema = z.object({
  type: z.string(),
  typeName: bilingualSchema,
  serial: z.string(),
  holder: z.object({ name: z.string(), idNumber: z.string() }),
  issuedAt: z.string(),
  validUntil: z.string(),
  issuer: z.object({ name: z.string(), phone: z.string(), address: z.string() }),
});
export type PublicStatement = z.infer<typeof publicStatementSchema>;

/** GET /api/v1/verify/{code} */
export const codeVerificationSchema = z.object({
  status: certificateStatusSchema,
  revokedAt: z.string().nullable(),
  revocationCategory: revocationCategorySchema.nullable(),
  certificate: publicStatementSchema,
  checkedAt: z.string(),
});
export type CodeVerification = z.infer<typeof codeVerificationSchema>;

/** The separate checks of a document or token (as OpenAttestation lists them). */
export const checkNameSchema = z.enum(['integrity', 'coverage', 'issuer', 'record', 'status', 'time']);
export type CheckName = z.infer<typeof checkNameSchema>;

/** passed; failed (the document or token is not what it claims); unknown (could not be checked — never "forged"). */
export const checkResultSchema = z.enum(['passed', 'failed', 'unknown']);

/** One check with its outcome in words. */
export const verificationCheckSchema = z.object({
  name: checkNameSchema,
  result: checkResultSchema,
  message: bilingualSchema,
});
export type VerificationCheck = z.infer<typeof verificationCheckSchema>;

/**
 * The overall answer: the certificate's status when every check passed; `invalid` when a check failed
 * (forged or altered — `failedChecks` names which); `unknown` when authentic but the status could not be
 * established (e.g. no matching record) — explicitly not a forgery.
 */
export const verdictSchema = z.enum(['valid', 'revoked', 'expired', 'invalid', 'unknown']);
export type Verdict = z.infer<typeof verdictSchema>;

/** POST /api/v1/verify/document and /api/v1/verify/token */
export const checkedVerificationSchema = z.object({
  verdict: verdictSchema,
  failedChecks: z.array(checkNameSchema),
  checks: z.array(verificationCheckSchema),
  revokedAt: z.string().nullable(),
  revocationCategory: revocationCategorySchema.nullable(),
  certificate: publicStatementSchema.nullable(),
  checkedAt: z.string(),
});
export type CheckedVerification = z.infer<typeof checkedVerificationSchema>;

/** POST /api/v1/verify/token */
export const tokenVerificationRequestSchema = z.object({ token: z.string().min(10).max(4096) }).strict();

/** GET /api/v1/certificates/{id}/verifications: when, how and with what result a certificate was checked. */
export const verificationEventSchema = z.object({
  at: z.string(),
  channel: z.enum(['code', 'document', 'token']),
  result: z.string(),
});
export type VerificationEvent = z.infer<typeof verificationEventSchema>;
