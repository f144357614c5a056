// Test fixture: a certificate model whose holder has a CJK Extension B name (生僻字 outside the BMP).
import type { CertificateDocumentModel } from './certificate-model.ts';

/** 𠀾 U+2003E and 𪚥 U+2A6A5 are in no common font; the fallback must draw them. */
export const RARE_NAME = '林𠀾𪚥';

/** A no-criminal-record certificate for `RARE_NAME`. */
export function sampleCertificate(
  overrides: Partial<CertificateDocumentModel> = {},
): CertificateDocumentModel {
  return {
    title: '无犯罪记录证明',
    titleEn: 'Certificate of No Criminal Record',
    statement: [
      `兹证明${RARE_NAME}（公民身份号码：441402199001011234），男，1990年1月1日出生，户籍地址为广东省梅州市梅江区江南街道新中路88号。经查询，截至2026年12月3日，未发现该人有犯罪记录。`,
      '特此证明。',
    ],
    holderName: RARE_NAME,
    holderId: '441402**********1234',
    purpose: '就业',
    issueDate: '2026年12月3日',
    validUntil: '2027年3月2日',
    serial: 'MZ-GA-441402-01-2026-000123',
    verificationCode: '7K3QX-ABCDE-FGHJK-MNPQR-4D',
    verificationUrl:
      'https://zm.example.gov.cn/v/7K3QXABCDEFGHJKMNPQR4D#eyJhbGciOiJFUzI1NiIsImtpZCI6InFyIn0.eyJuYW1lIjoi5p6XKiroqqUifQ.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl',
    issuer: {
      code: 'MZ-GA-441402-01',
      name: '梅州市公安局江南派出所',
      nameEn: 'Jiangnan Police Station',
      phone: '0753-2123456',
      address: '广东省梅州市梅江区江南路1号',
      officeHours: '周一至周五 8:30-12:00，14:30-17:30',
    },
    requesterLine: '申请人：林*明（父亲）代为申请',
    ...overrides,
  };
}
