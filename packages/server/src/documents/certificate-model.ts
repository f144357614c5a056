// What the issuance service hands the document layer: the certificate's words, already decided.

/** The issuing department as printed on the certificate. */
export interface IssuerInfo {
  /** Department code (for caches and key lookup); optional for rendering. */
  code?: string;
  name: string;
  nameEn?: string;
  phone: string;
  address: string;
  officeHours: string;
}

/** Everything printed on one certificate PDF. Display strings are used as given. */
export interface CertificateDocumentModel {
  /** e.g. 无犯罪记录证明 */
  title: string;
  /** e.g. Certificate of No Criminal Record */
  titleEn?: string;
  /** Statement paragraphs, worded by the catalogue and the rule. */
  statement: string[];
  holderName: string;
  /** Masked or full, as the caller decides. */
  holderId: string;
  purpose: string;
  /** e.g. 2026年12月3日 */
  issueDate: string;
  /** e.g. 2027年3月2日 */
  validUntil: string;
  serial: string;
  /** Grouped Crockford code, e.g. 7K3QX-…-4D */
  verificationCode: string;
  /** The QR's content: verification URL with the signed token in its fragment. */
  verificationUrl: string;
  issuer: IssuerInfo;
  /** e.g. 申请人：林*红（子女）代为申请 */
  requesterLine?: string;
}

/** `2026年12月3日` from an ISO date or timestamp (calendar date as written, no time-zone shift). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
