// Row types of the verification tables (migration 040), referenced from db/schema.ts's Database.

/** One check of a certificate: when, through which channel, with what result (never who checked). */
export interface VerificationEventRow {
  id: string;
  at: string;
  channel: 'code' | 'document' | 'token';
  result: string;
  certificate_id: string | null;
}

/** The audit record of a revocation: the officer's reason stays here, the public sees the category. */
export interface CertificateRevocationRow {
  certificate_id: string;
  revoked_at: string;
  revoked_by: string;
  department_code: string;
  category: string;
  reason: string;
}
