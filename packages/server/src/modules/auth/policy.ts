// Deny by default: for each route policy, which identities may pass and on what condition (DESIGN §8).
// Resource-level conditions (own data, relatives, jurisdiction, grant per check service) are checked by
// the services with the helpers in access.ts; this table decides only who may reach the route at all.
import type { Identity, PolicyName, StaffRole } from '../../http/identity.ts';

type Kind = Identity['kind'];

/** One row of the policy table. */
export interface PolicyRule {
  /** Identity kinds that may pass. */
  kinds: readonly Kind[];
  /** Extra condition on the identity (roles, scopes); absent = the kind suffices. */
  condition?: (identity: Identity) => boolean;
  /** What the service still checks per resource, for the OpenAPI text and reviewers. */
  serviceChecks: string;
}

const hasRole = (identity: Identity, roles: readonly StaffRole[]): boolean =>
  identity.kind === 'staff' && identity.roles.some((r) => roles.includes(r));

const ALL_KINDS: readonly Kind[] = ['anonymous', 'resident', 'staff', 'client', 'kiosk', 'kiosk-device'];

/** Organisation scope that lets an organisation obtain certificates it is authorised for. */
export const ORG_CERTIFICATES_SCOPE = 'org:certificates';

/** The policy table. */
export const POLICIES: Readonly<Record<PolicyName, PolicyRule>> = {
  public: { kinds: ALL_KINDS, serviceChecks: 'none (rate-limited per IP)' },
  resident: { kinds: ['resident'], serviceChecks: 'own data, or a relative proven by proveRelation' },
  'signed-in': { kinds: ['resident', 'staff'], serviceChecks: 'own account only' },
  applicant: {
    kinds: ['resident', 'kiosk', 'staff', 'client'],
    condition: (i) =>
      i.kind !== 'client'
        ? i.kind !== 'staff' || hasRole(i, ['window-officer', 'responsible-officer'])
        : i.clientKind === 'organisation' && i.scopes.includes(ORG_CERTIFICATES_SCOPE),
    serviceChecks:
      'resident/kiosk: self or proven relative; officer: jurisdiction; organisation: resident authorisation',
  },
  staff: { kinds: ['staff'], serviceChecks: 'department of the staff member' },
  officer: {
    kinds: ['staff'],
    condition: (i) => hasRole(i, ['window-officer', 'responsible-officer']),
    serviceChecks: 'department and jurisdiction (assertStaffInJurisdiction)',
  },
  admin: { kinds: ['staff'], condition: (i) => hasRole(i, ['admin']), serviceChecks: 'none' },
  stats: {
    kinds: ['staff'],
    condition: (i) => hasRole(i, ['admin', 'department-head']),
    serviceChecks: 'department heads see their own department',
  },
  'department-client': {
    kinds: ['client'],
    condition: (i) => i.kind === 'client' && i.clientKind === 'department',
    serviceChecks: 'scope check:<service> for the service asked (assertClientScope)',
  },
  'organisation-client': {
    kinds: ['client'],
    condition: (i) =>
      i.kind === 'client' && i.clientKind === 'organisation' && i.scopes.includes(ORG_CERTIFICATES_SCOPE),
    serviceChecks: 'resident authorisation for the certificate',
  },
  'kiosk-device': { kinds: ['kiosk-device'], serviceChecks: 'the kiosk is enabled' },
  'kiosk-session': { kinds: ['kiosk'], serviceChecks: 'the card holder, or a proven relative' },
};

/** Routes registered by the platform skeleton or plugins without a policy: operations and API docs. */
export function infrastructurePolicy(url: string): PolicyName | undefined {
  if (url === '/healthz' || url === '/readyz' || url === '/metrics' || url === '/') return 'public';
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return 'public';
  return undefined;
}

/** The decision for one identity on one policy: pass, or which error code refuses it. */
export function decide(
  policy: PolicyName | undefined,
  identity: Identity,
): 'pass' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (!policy) return 'FORBIDDEN'; // no policy named: nobody passes
  const rule = POLICIES[policy];
  if (rule.kinds.includes(identity.kind) && (!rule.condition || rule.condition(identity))) return 'pass';
  return identity.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

/** The OpenAPI `security` entry that goes with a policy. */
export function securityFor(policy: PolicyName): Record<string, string[]>[] {
  const rule = POLICIES[policy];
  if (rule.kinds.includes('anonymous')) return [];
  const schemes: Record<string, string[]>[] = [];
  if (rule.kinds.includes('resident') || rule.kinds.includes('staff')) schemes.push({ cookieAuth: [] });
  if (rule.kinds.includes('client') || rule.kinds.includes('kiosk-device')) schemes.push({ bearerAuth: [] });
  if (rule.kinds.includes('kiosk')) schemes.push({ kioskSession: [] });
  return schemes;
}
