// `npm run bench:documents`: the document layer of one issuance — QR token, signed PDF (CJK subset,
// seal, QR, PAdES), credential — per document and in parallel, and in the same run the naive
// baseline (pdf-lib + fontkit embedding and subsetting the full CJK font per document).
import fs from 'node:fs';
import { renderSignedCertificatePdf, warmUpDocuments } from '../src/documents/certificate-documents.ts';
import { issueCredential } from '../src/documents/credential.ts';
import { FONT_FILES } from '../src/documents/fonts.ts';
import { signQrToken } from '../src/documents/qr-token.ts';
import { sampleCertificate } from '../src/documents/test-certificate.ts';
import type { DepartmentSigner } from '../src/signing/department-signer.ts';
import { createTestKeyStore } from '../src/signing/test-key-store.ts';
import { naiveDocument } from './naive-baseline.ts';

const N = Number(process.env['BENCH_DOCS'] ?? 2000);
const BASELINE_N = Number(process.env['BENCH_BASELINE_DOCS'] ?? 30);
const CONCURRENCY = 8;

const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
];
const FAMILY = ['林', '陈', '黄', '李', '张', '刘', '曾', '钟', '叶', '罗', '古', '廖', '𠀾', '温'];

/** The whole document work of one certificate (what issuance adds on top of facts, rule and store). */
async function documentsFor(i: number, signer: DepartmentSigner) {
  const name = FAMILY[i % FAMILY.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 13) % GIVEN.length]!;
  const serial = `MZ-GA-441402-01-2026-${String(i).padStart(6, '0')}`;
  const token = signQrToken(
    {
      name: `${name[0]}*${name.slice(-1)}`,
      id: '441402**********1234',
      type: 'no-criminal-record',
      serial,
      issued: '2026-12-03',
      validUntil: '2027-03-02',
      issuer: signer.departmentCode,
    },
    signer,
  );
  const model = sampleCertificate({
    holderName: name,
    statement: [
      `兹证明${name}（公民身份号码：44140219900101${String(1000 + (i % 9000))}），户籍地址为广东省梅州市梅江区江南街道新中路${i % 200}号。经查询，截至2026年12月3日，未发现该人有犯罪记录。`,
      '特此证明。',
    ],
    serial,
    verificationUrl: `https://zm.example.gov.cn/v/7K3QXABCDEFGHJKMNPQR4D#${token}`,
  });
  const pdf = await renderSignedCertificatePdf(model, signer);
  const vc = issueCredential(
    {
      id: `https://zm.example.gov.cn/api/v1/certificates/${i}`,
      typeCode: 'no-criminal-record',
      name: model.title,
      serial,
      validFrom: '2026-12-03T08:00:00Z',
      validUntil: '2027-03-02T23:59:59Z',
      subject: { name, idNumber: model.holderId, criminalRecord: false },
    },
    signer,
  );
  return { pdf, vc, token };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const t = await createTestKeyStore();
  try {
    const signer = await t.keyStore.signerFor('MZ-GA-441402-01');
    const startWarm = performance.now();
    warmUpDocuments();
    for (let i = 0; i < 50; i++) await documentsFor(i, signer);
    process.stdout.write(
      `warm-up (fonts parsed, caches filled): ${(performance.now() - startWarm).toFixed(0)} ms\n`,
    );

    // One at a time: latency per document.
    const lat: number[] = [];
    let bytes = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const s = performance.now();
      const { pdf } = await documentsFor(i, signer);
      lat.push(performance.now() - s);
      bytes += pdf.length;
    }
    const seqSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time of the whole process (event loop + thread pool): the figure that survives a busy machine.
    const cpuMs = (cpu.user + cpu.system) / 1000 / N;
    lat.sort((a, b) => a - b);
    process.stdout.write(
      `documents, one at a time: ${(N / seqSeconds).toFixed(0)} docs/s, p50 ${percentile(lat, 50).toFixed(2)} ms, p99 ${percentile(lat, 99).toFixed(2)} ms, avg PDF ${(bytes / N / 1024).toFixed(1)} KiB (${N} docs)\n` +
        `  CPU per document ${cpuMs.toFixed(2)} ms → ${(1000 / cpuMs).toFixed(0)} docs/s per core, ${(2000 / cpuMs).toFixed(0)} on 2 cores\n`,
    );

    // Several in flight: compression overlaps on the thread pool.
    const latC: number[] = [];
    let next = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < N) {
          const i = next++;
          const s = performance.now();
          await documentsFor(i, signer);
          latC.push(performance.now() - s);
        }
      }),
    );
    const parSeconds = (performance.now() - t1) / 1000;
    latC.sort((a, b) => a - b);
    process.stdout.write(
      `documents, ${CONCURRENCY} in flight:  ${(N / parSeconds).toFixed(0)} docs/s, p50 ${percentile(latC, 50).toFixed(2)} ms, p99 ${percentile(latC, 99).toFixed(2)} ms\n`,
    );

    if (BASELINE_N === 0) return;
    // Naive baseline.
    const fontBytes = new Uint8Array(fs.readFileSync(FONT_FILES.main()));
    await naiveDocument(fontBytes, 0, signer);
    const latN: number[] = [];
    const t2 = performance.now();
    for (let i = 0; i < BASELINE_N; i++) {
      const s = performance.now();
      await naiveDocument(fontBytes, i, signer);
      latN.push(performance.now() - s);
    }
    const naiveSeconds = (performance.now() - t2) / 1000;
    latN.sort((a, b) => a - b);
    process.stdout.write(
      `naive baseline (pdf-lib + fontkit full-font subset per doc, signed): ${(BASELINE_N / naiveSeconds).toFixed(1)} docs/s, p50 ${percentile(latN, 50).toFixed(1)} ms (${BASELINE_N} docs)\n`,
    );
  } finally {
    await t.dispose();
  }
}

await main();
