// The only module that reads the environment: validated once at start, every problem listed at once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@certcloud/core';

/** The platform's settings, frozen. README's settings table mirrors `settingDocs`. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string;
  readonly dialect: 'sqlite' | 'postgres';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly demoResidents: number;
  readonly demoSeed: number;
  /** The DEMO kiosk page's device credential: 'auto' = only over the synthetic demo city with SIMULATED devices. */
  readonly demoKiosk: 'auto' | 'on' | 'off';
  readonly sourceTimeoutMs: number;
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  /** 32-byte key that encrypts private keys at rest; undefined → a 0600 key file in dataDir. */
  readonly masterKey: Buffer | undefined;
  /** Proxies whose X-Forwarded-For is believed (Fastify trustProxy): false, or addresses/CIDRs. */
  readonly trustProxy: false | string;
  /** Worker threads rendering and signing documents (0 = in the main thread). */
  readonly documentWorkers: number;
  /** Folder of certificate types, check services and source definitions. */
  readonly catalogueDir: string;
  /** Per-source credentials, from CERTCLOUD_SOURCE_SECRET_<NAME> (never logged). */
  readonly sourceSecrets: Readonly<Record<string, string>>;
  /** Requests per minute per caller (account, client, kiosk, or IP when anonymous). */
  readonly rateLimitPerMinute: number;
  /** Public verification (code, document, token): requests per minute per IP. */
  readonly verifyRatePerMinute: number;
  /** Public verification: requests per minute of all clients together (a ceiling against distributed scans). */
  readonly verifyGlobalPerMinute: number;
  /** The province's OpenID Connect login for residents; undefined = built-in accounts only. */
  readonly oidc:
    | { issuer: string; clientId: string; clientSecret: string; idNumberClaim: string }
    | undefined;
}

type Env = Record<string, string | undefined>;

/** Every setting: env var, default, meaning (printed by `certcloud config` and kept in README). */
export const settingDocs = [
  ['HOST', '0.0.0.0', 'Address the HTTP server listens on'],
  ['PORT', '8080', 'HTTP port'],
  ['PUBLIC_URL', 'http://localhost:8080', 'Public base URL, used in QR codes and links'],
  ['DATABASE_URL', './data/certcloud.db', 'SQLite file path (embedded default) or a postgres:// URL'],
  ['LOG_LEVEL', 'info', 'fatal | error | warn | info | debug | trace | silent'],
  [
    'CERTCLOUD_DEMO_RESIDENTS',
    '20000',
    'Residents in the demo city created on first start (0 = no demo city)',
  ],
  ['CERTCLOUD_DEMO_SEED', '20261203', 'Seed of the demo city generator (same seed, same city)'],
  [
    'CERTCLOUD_DEMO_KIOSK',
    'auto',
    'auto | on | off: /kiosk gets a DEMO device credential (auto: only over the synthetic demo city, SIMULATED devices)',
  ],
  ['CERTCLOUD_SOURCE_TIMEOUT_MS', '2000', 'Default timeout for each department source read'],
  [
    'CERTCLOUD_DOCUMENT_WORKERS',
    '2',
    'Worker threads rendering and signing PDFs and credentials (0 = main thread)',
  ],
  ['CERTCLOUD_DATA_DIR', './data', 'Folder for keys and other local state'],
  [
    'TRUST_PROXY',
    '(unset)',
    'Load balancer addresses/CIDRs whose X-Forwarded-For is believed (comma-separated)',
  ],
  ['CERTCLOUD_CATALOGUE_DIR', '<repo>/catalogue', 'Certificate types, check services and source definitions'],
  [
    'CERTCLOUD_SOURCE_SECRET_<NAME>',
    '(unset)',
    'Credential of a department source (HMAC secret, DB password)',
  ],
  ['REDIS_URL', '(unset)', 'Redis for shared rate limits; in-memory when unset'],
  [
    'CERTCLOUD_MASTER_KEY',
    '(unset)',
    'Base64 32-byte key encrypting private keys at rest; unset = data/master.key (0600)',
  ],
  ['CERTCLOUD_RATE_LIMIT_PER_MINUTE', '600', 'Requests per minute per caller (account, client, kiosk or IP)'],
  ['CERTCLOUD_VERIFY_RATE_PER_MINUTE', '60', 'Public verification requests per minute per IP'],
  [
    'CERTCLOUD_VERIFY_GLOBAL_PER_MINUTE',
    '6000',
    'Public verification requests per minute, all clients together',
  ],
  [
    'OIDC_ISSUER',
    '(unset)',
    'Province OpenID Connect issuer URL for resident login; unset = built-in accounts only',
  ],
  ['OIDC_CLIENT_ID', '(unset)', 'Client id registered with the OIDC provider (required with OIDC_ISSUER)'],
  [
    'OIDC_CLIENT_SECRET',
    '(unset)',
    'Client secret for the OIDC provider (required with OIDC_ISSUER; never logged)',
  ],
  ['OIDC_ID_NUMBER_CLAIM', 'id_number', 'ID-token claim that carries the resident ID number'],
] as const;

const DEFAULT_CATALOGUE_DIR = fileURLToPath(new URL('../../../../catalogue', import.meta.url));
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the environment; throws CONFIG_INVALID listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}="${raw}" must be an integer from ${min} to ${max}`);
      return def;
    }
    return n;
  };
  const str = (name: string, def: string): string => {
    const raw = env[name];
    return raw === undefined || raw === '' ? def : raw;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], def: T): T => {
    const raw = str(name, def);
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}="${raw}" must be one of ${allowed.join(', ')}`);
    return def;
  };
  const port = int('PORT', 8080, 0, 65535);
  const databaseUrl = str('DATABASE_URL', './data/certcloud.db');
  const isPg = /^postgres(ql)?:\/\//.test(databaseUrl);
  if (!isPg && /^[a-z]+:\/\//i.test(databaseUrl)) {
    problems.push(
      `DATABASE_URL must be a SQLite file path or a postgres:// URL (got a ${databaseUrl.split(':')[0]} URL)`,
    );
  }
  const logLevel = str('LOG_LEVEL', 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const publicUrl = str('PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) problems.push(`PUBLIC_URL="${publicUrl}" must be an http(s) URL`);
  const redisUrl = env['REDIS_URL'] || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    problems.push('REDIS_URL must start with redis:// or rediss://');

  const masterKeyRaw = env['CERTCLOUD_MASTER_KEY'];
  const masterKey = masterKeyRaw ? Buffer.from(masterKeyRaw, 'base64') : undefined;
  if (masterKey && masterKey.length !== 32)
    problems.push('CERTCLOUD_MASTER_KEY must be 32 bytes, base64-encoded');

  const config: Config = {
    host: str('HOST', '0.0.0.0'),
    port,
    publicUrl,
    databaseUrl: isPg ? databaseUrl : databaseUrl === ':memory:' ? databaseUrl : path.resolve(databaseUrl),
    dialect: isPg ? 'postgres' : 'sqlite',
    logLevel: logLevel as Config['logLevel'],
    demoResidents: int('CERTCLOUD_DEMO_RESIDENTS', 20_000, 0, 10_000_000),
    demoSeed: int('CERTCLOUD_DEMO_SEED', 20261203, 0, 2 ** 31 - 1),
    demoKiosk: oneOf('CERTCLOUD_DEMO_KIOSK', ['auto', 'on', 'off'] as const, 'auto'),
    sourceTimeoutMs: int('CERTCLOUD_SOURCE_TIMEOUT_MS', 2000, 10, 120_000),
    dataDir: path.resolve(str('CERTCLOUD_DATA_DIR', './data')),
    redisUrl,
    masterKey,
    documentWorkers: int('CERTCLOUD_DOCUMENT_WORKERS', 2, 0, 16),
    trustProxy: env['TRUST_PROXY'] ? env['TRUST_PROXY'] : false,
    catalogueDir: path.resolve(str('CERTCLOUD_CATALOGUE_DIR', DEFAULT_CATALOGUE_DIR)),
    sourceSecrets: Object.freeze(
      Object.fromEntries(
        Object.entries(env)
          .filter(([k, v]) => k.startsWith('CERTCLOUD_SOURCE_SECRET_') && v)
          .map(([k, v]) => [k.slice('CERTCLOUD_SOURCE_SECRET_'.length), v as string]),
      ),
    ),
    rateLimitPerMinute: int('CERTCLOUD_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    verifyRatePerMinute: int('CERTCLOUD_VERIFY_RATE_PER_MINUTE', 60, 1, 100_000_000),
    verifyGlobalPerMinute: int('CERTCLOUD_VERIFY_GLOBAL_PER_MINUTE', 6000, 1, 100_000_000),
    oidc: oidcSettings(env, problems),
  };
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', {
      details: { problems },
      message: `Invalid configuration:\n  - ${problems.join('\n  - ')}`,
    });
  }
  return Object.freeze(config);
}

function oidcSettings(env: Env, problems: string[]): Config['oidc'] {
  const issuer = env['OIDC_ISSUER'];
  if (!issuer) return undefined;
  const clientId = env['OIDC_CLIENT_ID'] ?? '';
  const clientSecret = env['OIDC_CLIENT_SECRET'] ?? '';
  if (!/^https?:\/\/[^/]+/.test(issuer)) problems.push('OIDC_ISSUER must be an http(s) URL');
  if (!clientId || !clientSecret)
    problems.push('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER');
  return Object.freeze({
    issuer,
    clientId,
    clientSecret,
    idNumberClaim: env['OIDC_ID_NUMBER_CLAIM'] || 'id_number',
  });
}
