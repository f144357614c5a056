// Shapes the pages read, taken from the core schemas (one definition, shared with the server).
export type { ApplyRequest, CertificateTypeView, CertificateView, Relation } from '@certcloud/core';

/** One issuance notice in an officer's inbox (masked). */
export interface Notice {
  id: string;
  createdAt: string;
  unit: string;
  kind: string;
  certificateId: string;
  serial: string;
  type: string;
  holderName: string;
  holderIdNumber: string;
  summary: string;
  read: boolean;
}

/** One line of a resident's access log (用数记录). */
export interface AccessEntry {
  seq: number;
  at: string;
  who: string;
  actorKind: string;
  service: string;
  sources: string[];
  purpose: string;
  ref: string | null;
}

/** Contact details of a department, as errors and answers carry them. */
export interface Contact {
  code?: string;
  name: string;
  phone: string;
  address?: string;
  officeHours?: string;
}

/** Who is signed in (GET /api/v1/auth/me). */
export interface Me {
  kind: 'resident' | 'staff';
  maskedIdNumber?: string;
  username?: string;
  roles?: string[];
  departmentCode?: string;
  stationCodes?: string[];
}
