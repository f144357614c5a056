// 证明事项: a menu entry as data — sources, rule, wording, issuer, validity, requesters, channels, notice.
import { z } from 'zod';

/** Text in Chinese first, English second. */
export const bilingualSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** A JSONata expression over the rule input (see docs/ARCHITECTURE.md, "Rules"). */
const expression = z.string().min(1);

export const relationSchema = z.enum(['parent', 'child', 'spouse']);
export type Relation = z.infer<typeof relationSchema>;

export const channelSchema = z.enum(['web', 'kiosk', 'window', 'api']);
export type Channel = z.infer<typeof channelSchema>;

/** An outcome other than `issue`, taken when `when` is true; decisions are tried in order. */
export const decisionSchema = z.object({
  when: expression,
  outcome: z.enum(['refuse', 'refer']),
  /** Told to the person: what happened and what to do next, in words a 70-year-old understands. */
  reason: bilingualSchema,
});

export const certificateTypeSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  name: bilingualSchema,
  /** 实施主体: who issues and seals it. */
  issuer: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('holder-police-station') }),
    z.object({ kind: z.literal('department'), department: z.string().min(1) }),
  ]),
  /** Sources read for the holder. */
  sources: z.array(z.string().min(1)).min(1),
  /** Sources read for a second person the certificate speaks of (kinship), given as `relatedId`. */
  relatedSources: z.array(z.string().min(1)).optional(),
  rule: z.object({
    decisions: z.array(decisionSchema),
    /** The facts the certificate states when issued: name → expression. Nothing else is disclosed. */
    statement: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), expression),
  }),
  wording: z.object({
    title: bilingualSchema,
    /** Template with {{fact}} placeholders naming statement facts (and {{holderName}}, {{holderId}}). */
    body: bilingualSchema,
  }),
  validityDays: z.number().int().min(1).max(3650),
  requesters: z.object({
    self: z.boolean(),
    relatives: z.array(relationSchema),
    officer: z.boolean(),
    organisation: z.boolean(),
  }),
  channels: z.array(channelSchema).min(1),
  notify: z.enum(['holder-police-station', 'issuer']),
  /** 办事指南: shown before a resident applies. */
  guide: z.object({
    purpose: bilingualSchema,
    conditions: bilingualSchema,
    materials: bilingualSchema,
    timeLimit: bilingualSchema,
    fee: bilingualSchema,
    legalBasis: bilingualSchema,
  }),
  /** Extra fields the application form asks for, with their labels. */
  asks: z
    .object({
      /** Another person's resident ID (kinship: the relative; birth verification: the mother). */
      related: bilingualSchema.optional(),
      /** A document number, e.g. the birth certificate number. */
      reference: bilingualSchema.optional(),
    })
    .default({}),
  /** Purposes offered in the menu; a resident may also type one. */
  purposes: z.array(bilingualSchema).default([]),
});
export type CertificateType = z.infer<typeof certificateTypeSchema>;
