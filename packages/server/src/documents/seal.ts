// The red round seal (公章) as vector artwork: ring, five-pointed star, the department's name along the
// upper arc and 证明专用章 below the star. The name is drawn as glyph outlines, not text, so that text
// extraction of the certificate reads the body and not the seal. Built once per department, then reused.
import type { CertificateFont } from './fonts.ts';
import { precompressed } from './pdf-writer.ts';
import { fmt } from './text-setter.ts';

/** Seal radius in points (a 42 mm official seal). */
export const SEAL_RADIUS = 59.5;

const RED = '0.83 0.08 0.1';
const cache = new Map<string, Uint8Array>();

/**
 * The seal as the content of a Form XObject (BBox centred on 0, 0), compressed once per name:
 * the outlines are tens of KiB that every certificate of the department shares.
 */
export function sealForm(
  departmentName: string,
  font: CertificateFont,
  fallback: CertificateFont,
): Uint8Array {
  let form = cache.get(departmentName);
  if (!form) {
    form = precompressed(Buffer.from(sealArtwork(departmentName, font, fallback), 'latin1'));
    if (cache.size > 2000) cache.clear();
    cache.set(departmentName, form);
  }
  return form;
}

/** Content-stream operators drawing the seal centred on (0, 0). */
export function sealArtwork(
  departmentName: string,
  font: CertificateFont,
  fallback: CertificateFont,
): string {
  const r = SEAL_RADIUS;
  let ops = `${RED} RG ${RED} rg 3.2 w\n${circle(0, 0, r - 1.6)} S\n0.8 w ${circle(0, 0, r - 5)} S\n`;
  ops += star(0, 0, 17.5);
  const chars = Array.from(departmentName);
  const size = chars.length > 14 ? 12 : chars.length > 10 ? 13.5 : 15;
  const span = Math.min(250, 22 * chars.length) * (Math.PI / 180);
  const textRadius = r - 9 - size * 0.82;
  chars.forEach((ch, i) => {
    // Reads clockwise from the left; each character stands on the ring, its foot toward the centre.
    const angle = Math.PI / 2 + span / 2 - (chars.length === 1 ? span / 2 : (span * i) / (chars.length - 1));
    const x = textRadius * Math.cos(angle);
    const y = textRadius * Math.sin(angle);
    const rot = angle - Math.PI / 2;
    ops += glyphAt(ch, font, fallback, size, 0.82, x, y, rot);
  });
  const label = Array.from('证明专用章');
  const labelSize = 9.5;
  label.forEach((ch, i) => {
    const x = (i - (label.length - 1) / 2) * labelSize;
    ops += glyphAt(ch, font, fallback, labelSize, 1, x, -r * 0.52, 0);
  });
  return ops;
}

/** Filled outline of one character, centred horizontally at (x, y) (vertical centre), rotated by `rot`. */
function glyphAt(
  ch: string,
  font: CertificateFont,
  fallback: CertificateFont,
  size: number,
  squeeze: number,
  x: number,
  y: number,
  rot: number,
): string {
  const cp = ch.codePointAt(0)!;
  let f = font;
  let gid = font.glyphId(cp);
  if (gid === 0 && fallback.glyphId(cp) !== 0) {
    f = fallback;
    gid = fallback.glyphId(cp);
  }
  const s = size / f.source.unitsPerEm;
  const adv = f.source.advance(gid);
  const em = f.source.unitsPerEm;
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  // glyph units → local (centred, squeezed) → rotated → placed
  const tx = (gx: number, gy: number): [number, number] => {
    const lx = (gx - adv / 2) * s * squeeze;
    const ly = (gy - em * 0.38) * s;
    return [x + lx * cos - ly * sin, y + lx * sin + ly * cos];
  };
  return `${outlinePath(f, gid, tx)} f\n`;
}

/** A TrueType simple glyph's contours as PDF path operators (quadratic → cubic). */
function outlinePath(
  f: CertificateFont,
  gid: number,
  tx: (x: number, y: number) => [number, number],
): string {
  const data = f.source.glyph(gid).data;
  if (data.length === 0) return '';
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const contours = v.getInt16(0);
  if (contours < 0) return ''; // composite: not used by the bundled fonts
  const ends: number[] = [];
  for (let i = 0; i < contours; i++) ends.push(v.getUint16(10 + 2 * i));
  const count = (ends[ends.length - 1] ?? -1) + 1;
  let at = 10 + 2 * contours;
  at += 2 + v.getUint16(at);
  const flags: number[] = [];
  while (flags.length < count) {
    const fl = data[at++]!;
    flags.push(fl);
    if (fl & 8) for (let k = data[at++]!; k > 0; k--) flags.push(fl);
  }
  const read = (short: number, same: number): number[] => {
    const out: number[] = [];
    let val = 0;
    for (const fl of flags) {
      if (fl & short) {
        const d = data[at++]!;
        val += fl & same ? d : -d;
      } else if (!(fl & same)) {
        val += v.getInt16(at);
        at += 2;
      }
      out.push(val);
    }
    return out;
  };
  const xs = read(2, 16);
  const ys = read(4, 32);
  let ops = '';
  let start = 0;
  for (const end of ends) {
    const pts: { x: number; y: number; on: boolean }[] = [];
    for (let i = start; i <= end; i++) pts.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 1) === 1 });
    start = end + 1;
    if (pts.length === 0) continue;
    // Start on an on-curve point (or the midpoint of two off-curve points).
    let first = pts.findIndex((p) => p.on);
    if (first < 0) {
      pts.unshift({
        x: (pts[0]!.x + pts[pts.length - 1]!.x) / 2,
        y: (pts[0]!.y + pts[pts.length - 1]!.y) / 2,
        on: true,
      });
      first = 0;
    }
    const ring = [...pts.slice(first), ...pts.slice(0, first)];
    let cur = ring[0]!;
    const [mx, my] = tx(cur.x, cur.y);
    ops += `${fmt(mx)} ${fmt(my)} m `;
    for (let i = 1; i <= ring.length; i++) {
      const p = ring[i % ring.length]!;
      if (p.on) {
        const [lx, ly] = tx(p.x, p.y);
        ops += `${fmt(lx)} ${fmt(ly)} l `;
        cur = p;
        continue;
      }
      const next = ring[(i + 1) % ring.length]!;
      const end2 = next.on ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2, on: true };
      if (next.on) i++;
      const c1 = tx(cur.x + (2 / 3) * (p.x - cur.x), cur.y + (2 / 3) * (p.y - cur.y));
      const c2 = tx(end2.x + (2 / 3) * (p.x - end2.x), end2.y + (2 / 3) * (p.y - end2.y));
      const e = tx(end2.x, end2.y);
      ops += `${fmt(c1[0])} ${fmt(c1[1])} ${fmt(c2[0])} ${fmt(c2[1])} ${fmt(e[0])} ${fmt(e[1])} c `;
      cur = end2;
    }
    ops += 'h ';
  }
  return ops;
}

/** A circle of four Bézier arcs. */
export function circle(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return (
    `${fmt(cx + r)} ${fmt(cy)} m ` +
    `${fmt(cx + r)} ${fmt(cy + k)} ${fmt(cx + k)} ${fmt(cy + r)} ${fmt(cx)} ${fmt(cy + r)} c ` +
    `${fmt(cx - k)} ${fmt(cy + r)} ${fmt(cx - r)} ${fmt(cy + k)} ${fmt(cx - r)} ${fmt(cy)} c ` +
    `${fmt(cx - r)} ${fmt(cy - k)} ${fmt(cx - k)} ${fmt(cy - r)} ${fmt(cx)} ${fmt(cy - r)} c ` +
    `${fmt(cx + k)} ${fmt(cy - r)} ${fmt(cx + r)} ${fmt(cy - k)} ${fmt(cx + r)} ${fmt(cy)} c h`
  );
}

function star(cx: number, cy: number, r: number): string {
  let ops = '';
  for (let i = 0; i < 10; i++) {
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.382;
    ops += `${fmt(cx + rr * Math.cos(a))} ${fmt(cy + rr * Math.sin(a))} ${i === 0 ? 'm' : 'l'} `;
  }
  return `${ops}h f\n`;
}
