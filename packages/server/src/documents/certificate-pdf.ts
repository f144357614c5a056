// The certificate as an A4 PDF in the manner of a Chinese official certificate: spaced title, body,
// issuer and date under a red round seal, then serial, verification code, contacts and the QR code.
import crypto from 'node:crypto';
import type { CertificateDocumentModel } from './certificate-model.ts';
import { certificateFonts } from './fonts.ts';
import { PdfWriter, pdfDate, pdfTextString } from './pdf-writer.ts';
import { qrCodeOps } from './qr-vector.ts';
import { SEAL_RADIUS, sealForm } from './seal.ts';
import { fmt, TextSetter } from './text-setter.ts';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const LEFT = 72;
const RIGHT = PAGE_W - 72;

/** An empty signature field to be filled in afterwards (see pades.ts). */
export interface SignaturePlaceholder {
  /** Bytes reserved for the CMS signature (hex-encoded in the file, so twice as many characters). */
  contentsLength: number;
  signerName: string;
  reason: string;
  location: string;
  signingTime: Date;
}

let docCounter = 0;

/** The certificate PDF (unsigned, or with an empty PAdES signature field when `signature` is given). */
export function buildCertificatePdf(
  doc: CertificateDocumentModel,
  signature?: SignaturePlaceholder,
): Promise<Buffer> {
  const fonts = certificateFonts();
  // Everything but the person's data: the glyphs of this text are shared between documents.
  const { issuer } = doc;
  const fixedText = [
    doc.title,
    doc.titleEn,
    issuer.name,
    issuer.nameEn,
    issuer.phone,
    issuer.address,
    issuer.officeHours,
  ]
    .filter(Boolean)
    .join('');
  const t = new TextSetter(fonts, fixedText + TEMPLATE_TEXT);
  let c = '';
  // Double frame, as on printed certificate paper.
  c += `0.55 0.1 0.1 RG 1.2 w 36 36 ${fmt(PAGE_W - 72)} ${fmt(PAGE_H - 72)} re S 0.4 w 40 40 ${fmt(PAGE_W - 80)} ${fmt(PAGE_H - 80)} re S\n`;
  c += `0 0 0 rg 0 0 0 RG 2 Tr 0.45 w\n${t.showCentred(doc.title, PAGE_W / 2, 730, 26, 8)}0 Tr\n`;
  let y = 730;
  if (doc.titleEn) {
    y -= 24;
    c += `0.3 0.3 0.3 rg ${t.showCentred(doc.titleEn, PAGE_W / 2, y, 11)}0 0 0 rg\n`;
  }
  y -= 52;
  const bodySize = 15;
  for (const para of doc.statement) {
    const lines = t.wrap(para, bodySize, RIGHT - LEFT, bodySize * 2);
    lines.forEach((line, i) => {
      c += t.show(line, LEFT + (i === 0 ? bodySize * 2 : 0), y, bodySize);
      y -= 28;
    });
    y -= 4;
  }
  y -= 8;
  const fields: [string, string][] = [
    ['持证人', doc.holderName],
    ['公民身份号码', doc.holderId],
    ['用途', doc.purpose],
    ['有效期至', doc.validUntil],
  ];
  for (const [label, value] of fields) {
    for (const line of t.wrap(`${label}：${value}`, 13, RIGHT - LEFT)) {
      c += t.show(line, LEFT + 30, y, 13);
      y -= 23;
    }
  }
  if (doc.requesterLine) {
    for (const line of t.wrap(doc.requesterLine, 12, RIGHT - LEFT - 30)) {
      c += `0.25 0.25 0.25 rg ${t.show(line, LEFT + 30, y, 12)}0 0 0 rg\n`;
      y -= 21;
    }
  }
  // Issuer and date at the right, the seal pressed over them.
  const issuerY = Math.min(y - 50, 320);
  const issuerRight = RIGHT - 20;
  c += t.showRight(doc.issuer.name, issuerRight, issuerY, 14);
  c += t.showRight(doc.issueDate, issuerRight, issuerY - 26, 14);
  const issuerWidth = Math.max(t.measure(doc.issuer.name, 14), t.measure(doc.issueDate, 14));
  const sealX = Math.max(issuerRight - issuerWidth / 2, LEFT + SEAL_RADIUS);
  c += `q /GSseal gs 1 0 0 1 ${fmt(sealX)} ${fmt(issuerY - 8)} cm /Seal Do Q\n`;
  // Bottom block: serial, code, contacts at the left, QR at the right.
  const qrSize = 92;
  const qrX = RIGHT - qrSize;
  const bottomTop = 215;
  c += `0.6 0.6 0.6 RG 0.5 w ${LEFT} ${bottomTop} m ${fmt(RIGHT)} ${bottomTop} l S\n`;
  let by = bottomTop - 20;
  const leftWidth = qrX - LEFT - 12;
  const bottomLines: [string, number][] = [
    [`证明编号：${doc.serial}`, 10.5],
    [`验证码：${doc.verificationCode}`, 10.5],
    [`出具单位：${doc.issuer.name}${doc.issuer.nameEn ? `（${doc.issuer.nameEn}）` : ''}`, 9.5],
    [`咨询电话：${doc.issuer.phone}　办公时间：${doc.issuer.officeHours}`, 9.5],
    [`地址：${doc.issuer.address}`, 9.5],
  ];
  for (const [text, size] of bottomLines) {
    for (const line of t.wrap(text, size, leftWidth)) {
      c += t.show(line, LEFT, by, size);
      by -= size + 6;
    }
  }
  c += qrCodeOps(doc.verificationUrl, qrX, bottomTop - 12 - qrSize, qrSize);
  const verifyPage = verificationPage(doc.verificationUrl);
  c += `0.3 0.3 0.3 rg ${t.showCentred(`本证明可通过扫描二维码或访问 ${verifyPage} 输入验证码核验`, PAGE_W / 2, 72, 9.5)}`;
  c += t.showCentred(
    `Verify by scanning the QR code, or enter the verification code at ${verifyPage}`,
    PAGE_W / 2,
    58,
    7.5,
  );

  const w = new PdfWriter();
  const catalog = w.reserve();
  const pages = w.reserve();
  const page = w.reserve();
  const content = w.addStream('', c);
  const r = SEAL_RADIUS + 2;
  const seal = w.addStream(
    ` /Type /XObject /Subtype /Form /BBox [${-r} ${-r} ${r} ${r}]`,
    sealForm(doc.issuer.name, fonts.main, fonts.extB),
  );
  const fontResources = t.embedFonts(w, ++docCounter * 31 + process.pid);
  const resources = `<</Font ${fontResources} /XObject <</Seal ${seal} 0 R>> /ExtGState <</GSseal <</Type /ExtGState /BM /Multiply /ca 0.9 /CA 0.9>>>>>>`;
  let annots = '';
  let acroForm = '';
  if (signature) {
    const field = w.reserve();
    annots = ` /Annots [${field} 0 R]`;
    acroForm = ` /AcroForm <</Fields [${field} 0 R] /SigFlags 3>>`;
    const sig = w.reserve(); // last object: its placeholders are found from the end of the file
    w.set(
      field,
      `<</Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /F 132 /Rect [0 0 0 0] /P ${page} 0 R /V ${sig} 0 R>>`,
    );
    w.set(
      sig,
      `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Name ${pdfTextString(signature.signerName)} /Reason ${pdfTextString(signature.reason)} /Location ${pdfTextString(signature.location)} /M (${pdfDate(signature.signingTime)}) /ByteRange [0 ${BYTE_RANGE_BLANK} ${BYTE_RANGE_BLANK} ${BYTE_RANGE_BLANK}] /Contents <${'0'.repeat(signature.contentsLength * 2)}>>>`,
    );
  }
  w.set(
    page,
    `<</Type /Page /Parent ${pages} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources ${resources} /Contents ${content} 0 R${annots}>>`,
  );
  w.set(pages, `<</Type /Pages /Kids [${page} 0 R] /Count 1>>`);
  w.set(catalog, `<</Type /Catalog /Pages ${pages} 0 R /Lang (zh-CN)${acroForm}>>`);
  const now = pdfDate(signature?.signingTime ?? new Date());
  const info = w.add(
    `<</Title ${pdfTextString(`${doc.title} ${doc.serial}`)} /Author ${pdfTextString(doc.issuer.name)} /Producer (certcloud) /CreationDate (${now}) /ModDate (${now})>>`,
  );
  return w.finish(catalog, info, crypto.randomBytes(16));
}

const TEMPLATE_TEXT =
  '持证人公民身份号码用途有效期至证明编号验证码出具单位咨询电话办公时间地址本可通过扫描二维或访问输入核年月日：（）　，。';

/** Ten characters the ByteRange numbers are later written over. */
export const BYTE_RANGE_BLANK = '**********';

/** `https://host/verify` from the QR's verification URL. */
function verificationPage(url: string): string {
  try {
    return `${new URL(url).origin}/verify`;
  } catch {
    return url.split('#')[0]!;
  }
}
