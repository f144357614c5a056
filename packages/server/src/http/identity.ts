// Who is calling: resolved once per request by the auth module, read by every route's policy and service.

/** A staff role. */
export type StaffRole = 'window-officer' | 'responsible-officer' | 'department-head' | 'admin';

/** The caller of a request. `anonymous` until the auth module proves otherwise (deny by default). */
export type Identity =
  | { kind: 'anonymous' }
  | { kind: 'resident'; idNumber: string; accountId: string; sessionId: string }
  | {
      kind: 'staff';
      username: string;
      roles: StaffRole[];
      departmentCode: string;
      /** Police stations whose residents this officer serves (辖区); empty for non-police staff. */
      stationCodes: string[];
      sessionId: string;
    }
  | {
      kind: 'client';
      clientId: string;
      clientKind: 'department' | 'organisation';
      /** Department code (department systems) or USCC (organisations). */
      ownerCode: string;
      scopes: string[];
    }
  | { kind: 'kiosk'; kioskId: string; idNumber: string; kioskSessionId: string }
  /** A kiosk device itself (its device credential), before a resident has put a card on the reader. */
  | { kind: 'kiosk-device'; kioskId: string };

/**
 * Route policies, named once (issue 6 keeps the table in modules/auth/policy.ts).
 * Every route declares `config: { policy }`; a test fails if one does not.
 */
export type PolicyName =
  | 'public' // anyone, no identity needed (menu, verification, health)
  | 'resident' // a signed-in resident (own data; services check relatives)
  | 'applicant' // resident, kiosk session, staff, or organisation client — services decide per holder
  | 'staff' // any signed-in staff member (two factors)
  | 'officer' // window/responsible officer; services check department and jurisdiction
  | 'admin' // platform admin
  | 'department-client' // a department system; services check the grant for the check service
  | 'organisation-client' // an organisation system
  | 'kiosk-device' // a kiosk's device credential (starting a kiosk session)
  | 'stats' // admin or department head
  | 'signed-in' // a resident or staff browser session (logout, password change, who am I)
  | 'kiosk-session'; // a resident's session at a kiosk (card + face)

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
  }
  interface FastifyContextConfig {
    policy?: PolicyName;
    /**
     * How a repeated Idempotency-Key is answered: 'store' (default) replays the stored answer;
     * 'no-replay' keeps no body (answers that carry a secret shown once) and answers 409 instead.
     */
    idempotency?: 'store' | 'no-replay';
  }
}
