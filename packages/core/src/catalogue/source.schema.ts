// 数据资源: a dataset a department publishes — fields, key, freshness and the connector that reaches it.
import { z } from 'zod';

/** Field types a source may declare; `residentId` values are validated as GB 11643 numbers. */
export const fieldTypeSchema = z.enum(['string', 'integer', 'number', 'date', 'residentId', 'boolean']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case SQL identifier');

/** `table`: rows imported into the platform's own store (src_* tables). */
export const tableConnectorSchema = z.object({
  kind: z.literal('table'),
  table: z.string().regex(/^src_[a-z0-9_]+$/, 'a src_* table of the platform store'),
});

/** `sql`: a read-only parameterised query against the department's own database. */
export const sqlConnectorSchema = z.object({
  kind: z.literal('sql'),
  /** postgres:// URL or SQLite file path; `${NAME}` is replaced by the secret CERTCLOUD_SOURCE_SECRET_NAME. */
  url: z.string().min(1),
  /** A SELECT with the named parameter `:subject`, e.g. `select * from persons where sfzh = :subject`. */
  query: z
    .string()
    .regex(/^\s*(select|with)\s/i, 'must be a SELECT')
    .refine((q) => q.includes(':subject'), 'must use the :subject parameter'),
  poolSize: z.number().int().min(1).max(50).default(4),
});

/** `http`: the department's JSON API, request-signed, with retries and a circuit breaker. */
export const httpConnectorSchema = z.object({
  kind: z.literal('http'),
  /** POST endpoint; the subject travels in the body, never in the URL. */
  url: z.url(),
  auth: z.object({
    kind: z.literal('hmac-sha256'),
    keyId: z.string().min(1),
    /** The secret is read from CERTCLOUD_SOURCE_SECRET_<secretName> by config, never stored in the file. */
    secretName: z.string().regex(/^[A-Z0-9_]+$/),
  }),
  retries: z.number().int().min(0).max(5).default(2),
  backoffMs: z.number().int().min(0).max(5000).default(50),
  breaker: z
    .object({
      failures: z.number().int().min(1).default(5),
      cooldownMs: z.number().int().min(100).default(30_000),
    })
    .default({ failures: 5, cooldownMs: 30_000 }),
});

export const connectorSchema = z.discriminatedUnion('kind', [
  tableConnectorSchema,
  sqlConnectorSchema,
  httpConnectorSchema,
]);
export type ConnectorSpec = z.infer<typeof connectorSchema>;

/** A source definition (one file in catalogue/sources, or registered through the admin API). */
export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
  department: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  description: z.string().optional(),
  /** Columns whose value equals the subject's resident ID (several: any of them matches). */
  keyFields: z.array(identifier).min(1),
  fields: z.record(identifier, fieldTypeSchema),
  /** How stale the data may be, as published by the department (e.g. 'realtime', 'daily'). */
  freshness: z.enum(['realtime', 'hourly', 'daily', 'weekly']),
  timeoutMs: z.number().int().min(10).max(60_000).optional(),
  connector: connectorSchema,
});
export type SourceDefinition = z.infer<typeof sourceSchema>;
