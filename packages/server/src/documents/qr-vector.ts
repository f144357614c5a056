// The QR code as vector rectangles (one per run of dark modules in a row): sharp at any zoom and
// smaller than an image. Error correction M survives a crease or a stamp on a printed certificate.
import QRCode from 'qrcode';
import { fmt } from './text-setter.ts';

/** Operators filling the dark modules of `text`'s QR code in a `size`-point square at (x, y). */
export function qrCodeOps(text: string, x: number, y: number, size: number): string {
  const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    // Any mask is valid; a fixed one skips scoring all eight (most of the library's time).
    maskPattern: 2,
  });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const m = size / n;
  // Module units (integers) under one transform: no rounding seams between rows.
  let ops = `q ${m.toFixed(4)} 0 0 ${m.toFixed(4)} ${fmt(x)} ${fmt(y)} cm 0 0 0 rg\n`;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      ops += `${start} ${n - row - 1} ${col - start} 1 re\n`;
    }
  }
  return `${ops}f Q\n`;
}
