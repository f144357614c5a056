// Request and response schemas of the certificates API: used by the route, the web client and OpenAPI.
import { z } from 'zod';
import { bilingualSchema, relationSchema } from '../catalogue/certificate-type.schema.ts';

const residentIdInput = z.string().regex(/^\d{17}[\dXx]$/, '18-character resident ID');

/** POST /api/v1/certificates */
export const applyRequestSchema = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
    /** Whose certificate; defaults to the signed-in resident. */
    holderId: residentIdInput.optional(),
    /** The requester's relation to the holder, as claimed; proven from the registers. */
    relation: relationSchema.optional(),
    purpose: z.string().trim().min(1).max(100),
    /** Why an officer issues on someone's behalf (required at the window). */
    reason: z.string().trim().min(2).max(200).optional(),
    /** Kinship: the other person, and their relation to the holder. */
    relatedId: residentIdInput.optional(),
    kinship: relationSchema.optional(),
    /** A document number to check, e.g. the birth certificate number. */
    reference: z.string().trim().min(1).max(64).optional(),
    /** An organisation's authorisation from the resident. */
    authorizationCode: z.string().min(1).max(64).optional(),
  })
  .strict();
export type ApplyRequest = z.infer<typeof applyRequestSchema>;

/** The issuing unit's contact details, printed on every certificate and error. */
export const issuerViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  officeHours: z.string(),
});

/** A certificate as its holder or requester sees it. */
export const certificateViewSchema = z.object({
  id: z.string(),
  serial: z.string(),
  type: z.string(),
  typeName: bilingualSchema,
  holder: z.object({ name: z.string(), idNumber: z.string() }),
  relation: z.string(),
  purpose: z.string(),
  statement: z.string(),
  issuer: issuerViewSchema,
  issuedAt: z.string(),
  validUntil: z.string(),
  status: z.enum(['valid', 'revoked', 'expired']),
  revokedAt: z.string().nullable(),
  verificationCode: z.string(),
  verifyUrl: z.string(),
  links: z.object({ pdf: z.string(), credential: z.string() }),
});
export type CertificateView = z.infer<typeof certificateViewSchema>;

/** GET /api/v1/certificate-types: one menu entry with its service guide. */
export const certificateTypeViewSchema = z.object({
  code: z.string(),
  name: bilingualSchema,
  issuer: z.string(),
  validityDays: z.number(),
  channels: z.array(z.string()),
  requesters: z.object({
    self: z.boolean(),
    relatives: z.array(z.string()),
    officer: z.boolean(),
    organisation: z.boolean(),
  }),
  guide: z.record(z.string(), bilingualSchema),
  purposes: z.array(bilingualSchema),
  asks: z.object({ related: bilingualSchema.optional(), reference: bilingualSchema.optional() }),
});
export type CertificateTypeView = z.infer<typeof certificateTypeViewSchema>;

const EIGHT_HOURS = 8 * 3600_000;

/**
 * The date in China (Asia/Shanghai) as YYYY-MM-DD: "today" for validity and rules. China has kept UTC+8 without
 * daylight saving since 1991, so this is arithmetic — an Intl.DateTimeFormat per call cost ~12% of a verification.
 */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + EIGHT_HOURS).toISOString().slice(0, 10);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
