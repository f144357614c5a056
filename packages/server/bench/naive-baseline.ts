// The naive baseline the issue measures against: pdf-lib + fontkit embedding and subsetting the full CJK
// font for every document, then signing. Shared by bench:documents and bench:issue.
import * as fontkit from 'fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { signPdf } from '../src/documents/pdf-signature.ts';
import { sampleCertificate } from '../src/documents/test-certificate.ts';
import type { DepartmentSigner } from '../src/signing/department-signer.ts';

/**
 * fontkit@2 for pdf-lib: its subsets have `encode()` where pdf-lib calls the fontkit@1 `encodeStream()`;
 * this shim adds that, nothing else (the work done per document is fontkit's own subsetting).
 */
const fontkitForPdfLib = {
  create(data: Uint8Array) {
    const font = fontkit.create(Buffer.from(data)) as unknown as { createSubset(): { encode(): Uint8Array } };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      return Object.assign(subset, {
        encodeStream() {
          const handlers: Record<string, (x?: unknown) => void> = {};
          const stream = {
            on(event: string, fn: (x?: unknown) => void) {
              handlers[event] = fn;
              if (event === 'end')
                queueMicrotask(() => {
                  handlers['data']?.(subset.encode());
                  handlers['end']?.();
                });
              return stream;
            },
          };
          return stream;
        },
      });
    };
    return font;
  },
};

/** The naive way: pdf-lib + fontkit, full font embedded and subset per document, then signed. */
export async function naiveDocument(
  fontBytes: Uint8Array,
  i: number,
  signer: DepartmentSigner,
): Promise<Uint8Array> {
  const model = sampleCertificate({ serial: `NAIVE-${i}` });
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  let y = 730;
  const lines = [
    model.title,
    ...model.statement,
    model.holderName.replace(/[^\u0000-\uffff]/gu, ''),
    model.holderId,
  ];
  for (const line of [...lines, model.purpose, model.issuer.name, model.issueDate, model.serial]) {
    page.drawText(line.replace(/[^\u0000-\uffff]/gu, '').slice(0, 30), {
      x: 72,
      y,
      size: 14,
      font,
      color: rgb(0, 0, 0),
    });
    y -= 28;
  }
  return signPdf(await doc.save(), signer);
}
