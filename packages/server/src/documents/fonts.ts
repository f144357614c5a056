// The certificate fonts, read and parsed once per process: Noto Serif SC (宋体-like, the face Chinese
// official documents use) from npm, and a HanaMinB subset shipped in the repo for CJK Extension B
// characters (生僻字 outside the BMP) that Noto does not cover.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { TrueTypeSource } from './truetype-subset.ts';

const require = createRequire(import.meta.url);
const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts');

/** Where the font files come from (an npm package file and a file shipped in the repo). */
export const FONT_FILES = {
  main: () => require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  extB: () => path.join(ASSETS, 'HanaMinB-ExtB.ttf.br'),
};

/** One font of the set: its file, its PostScript name in the PDF, and a code point → glyph map. */
export class CertificateFont {
  readonly source: TrueTypeSource;
  readonly postscriptName: string;
  /** 1000 / unitsPerEm: font units → PDF text space units. */
  readonly scale: number;
  private readonly groups: Uint32Array;

  constructor(bytes: Uint8Array, postscriptName: string) {
    this.source = new TrueTypeSource(bytes);
    this.postscriptName = postscriptName;
    this.scale = 1000 / this.source.unitsPerEm;
    this.groups = readCmapGroups(this.source);
  }

  /** Glyph id of a code point, 0 when the font lacks it. */
  glyphId(codePoint: number): number {
    const g = this.groups;
    let lo = 0;
    let hi = g.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (codePoint < g[mid * 3]!) hi = mid - 1;
      else if (codePoint > g[mid * 3 + 1]!) lo = mid + 1;
      else return g[mid * 3 + 2]! + codePoint - g[mid * 3]!;
    }
    return 0;
  }

  /** Advance of a glyph in PDF units (1/1000 of the font size). */
  width(gid: number): number {
    return Math.round(this.source.advance(gid) * this.scale);
  }
}

/** The set the renderer uses, in fallback order. */
export interface FontSet {
  main: CertificateFont;
  extB: CertificateFont;
}

let loaded: FontSet | undefined;

/** The fonts, parsed on first use and kept for the life of the process. */
export function certificateFonts(): FontSet {
  if (!loaded) {
    loaded = {
      main: new CertificateFont(new Uint8Array(fs.readFileSync(FONT_FILES.main())), 'NotoSerifSC-Regular'),
      extB: new CertificateFont(
        new Uint8Array(zlib.brotliDecompressSync(fs.readFileSync(FONT_FILES.extB()))),
        'HanaMinB',
      ),
    };
  }
  return loaded;
}

/** cmap format 12 (3,10 or 0,4) groups as [start, end, glyph] triples. */
function readCmapGroups(src: TrueTypeSource): Uint32Array {
  const bytes = src.bytes;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = src.table('cmap').offset;
  const count = v.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const platform = v.getUint16(cmap + 4 + 8 * i);
    const encoding = v.getUint16(cmap + 6 + 8 * i);
    const at = cmap + v.getUint32(cmap + 8 + 8 * i);
    if (v.getUint16(at) !== 12 || !((platform === 3 && encoding === 10) || platform === 0)) continue;
    const n = v.getUint32(at + 12);
    const groups = new Uint32Array(n * 3);
    for (let k = 0; k < n * 3; k++) groups[k] = v.getUint32(at + 16 + 4 * k);
    return groups;
  }
  throw new Error('font has no Unicode full-repertoire (format 12) cmap');
}
