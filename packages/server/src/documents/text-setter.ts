// Sets text for one document: picks the font per character (Noto Serif SC, else the Ext-B fallback),
// measures, writes show-text operators, and at the end embeds the fonts. Glyphs come from up to three
// subsets: a shared one (the template's fixed text plus characters common to many certificates),
// built and compressed once and embedded byte for byte; and per-document ones for the rest of the
// main font (names, addresses) and for Ext-B characters. Most glyphs of a certificate thus cost nothing.
import type { CertificateFont, FontSet } from './fonts.ts';
import { type PdfWriter, precompressed } from './pdf-writer.ts';
import { GlyphSubset } from './truetype-subset.ts';

/** A main-font subset shared by many documents. */
interface SharedSubset {
  subset: GlyphSubset;
  /** The font file, compressed once (see `precompressed`). */
  file: Uint8Array;
  tag: string;
}

// A character joins the shared subset once it has appeared in this many certificates: such
// characters are template wording, not anyone's name, so sharing them reveals nothing personal.
const COMMON_AFTER_DOCS = 25;
const charDocs = new Map<number, number>();
let common: number[] = [];
let commonVersion = 0;
let docsSinceReview = 0;
const shared = new Map<string, SharedSubset>();

function noteDocument(used: Set<number>): void {
  for (const cp of used) charDocs.set(cp, (charDocs.get(cp) ?? 0) + 1);
  if (++docsSinceReview < 100) return;
  docsSinceReview = 0;
  const now = [...charDocs].filter(([, n]) => n >= COMMON_AFTER_DOCS).map(([cp]) => cp);
  // Rebuild shared subsets only when enough new characters qualify (each rebuild costs a compression).
  if (now.length >= common.length + 8) {
    common = now;
    commonVersion++;
  }
  if (charDocs.size > 50_000) charDocs.clear();
}

function sharedSubsetFor(fixedText: string, main: CertificateFont): SharedSubset {
  const key = `${commonVersion}\u0000${fixedText}`;
  let s = shared.get(key);
  if (!s) {
    const subset = new GlyphSubset(main.source);
    const cps = new Set([...Array.from(fixedText, (c) => c.codePointAt(0)!), ...ASCII, ...common]);
    for (const cp of cps) {
      const gid = main.glyphId(cp);
      if (gid !== 0) subset.add(gid, String.fromCodePoint(cp));
    }
    s = {
      subset,
      file: precompressed(subset.toTrueType()),
      tag: subsetTag(shared.size + commonVersion * 7919),
    };
    if (shared.size > 500) shared.clear();
    shared.set(key, s);
  }
  return s;
}

const ASCII = Array.from({ length: 95 }, (_, i) => 32 + i);

interface Glyph {
  font: number;
  gid: number;
  width: number;
}

// Code point → glyph, shared by all documents (the fonts never change within a process).
const glyphCache = new Map<number, Glyph>();

/** Text setting state of one document. */
export class TextSetter {
  private readonly fonts: CertificateFont[];
  /** [shared main subset, this document's main subset, this document's Ext-B subset] */
  private readonly subsets: GlyphSubset[];
  private readonly shared: SharedSubset;
  private readonly used = new Set<number>();

  /** `fixedText`: the document's non-personal text (template, issuer) that goes into the shared subset. */
  constructor(fonts: FontSet, fixedText: string) {
    this.fonts = [fonts.main, fonts.extB];
    this.shared = sharedSubsetFor(fixedText, fonts.main);
    this.subsets = [
      this.shared.subset,
      new GlyphSubset(fonts.main.source),
      new GlyphSubset(fonts.extB.source),
    ];
  }

  private glyph(cp: number): Glyph {
    let g = glyphCache.get(cp);
    if (!g) {
      let font = 0;
      let gid = this.fonts[0]!.glyphId(cp);
      if (gid === 0) {
        const alt = this.fonts[1]!.glyphId(cp);
        if (alt !== 0) {
          font = 1;
          gid = alt;
        }
      }
      g = { font, gid, width: this.fonts[font]!.width(gid) };
      glyphCache.set(cp, g);
    }
    return g;
  }

  /** Width of `text` at `size` points. */
  measure(text: string, size: number, charSpacing = 0): number {
    let w = 0;
    let n = 0;
    for (const ch of text) {
      w += this.glyph(ch.codePointAt(0)!).width;
      n++;
    }
    return (w * size) / 1000 + charSpacing * n;
  }

  /** Characters of `text` that fit in `width` points at `size`, breaking like Chinese text does. */
  wrap(text: string, size: number, width: number, firstIndent = 0): string[] {
    const chars = Array.from(text);
    const lines: string[] = [];
    let line = '';
    let w = firstIndent;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const cw = (this.glyph(ch.codePointAt(0)!).width * size) / 1000;
      // Closing punctuation may hang past the margin rather than start a line (避头点).
      if (w + cw > width && line !== '' && !CLOSING.has(ch)) {
        const latin = /[0-9A-Za-z]$/.test(line) && /[0-9A-Za-z]/.test(ch);
        const cut = latin ? line.search(/[0-9A-Za-z.\-/]+$/) : -1;
        if (cut > 0) {
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
          w = this.measure(line, size);
        } else {
          lines.push(line);
          line = '';
          w = 0;
        }
      }
      line += ch;
      w += cw;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** `BT … ET` operators showing `text` with its left baseline at (x, y). */
  show(text: string, x: number, y: number, size: number, charSpacing = 0): string {
    let ops = `BT ${fmt(x)} ${fmt(y)} Td${charSpacing ? ` ${fmt(charSpacing)} Tc` : ''}`;
    let current = -1;
    let hex = '';
    const flush = () => {
      if (hex) ops += ` <${hex}> Tj`;
      hex = '';
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const g = this.glyph(cp);
      this.used.add(cp);
      let font = 2;
      let id: number | undefined;
      if (g.font === 0) {
        id = this.shared.subset.idOf(g.gid);
        font = id === undefined ? 1 : 0;
      }
      if (font !== current) {
        flush();
        current = font;
        ops += ` /F${current} ${fmt(size)} Tf`;
      }
      id ??= this.subsets[font]!.add(g.gid, ch);
      hex += id.toString(16).padStart(4, '0');
    }
    flush();
    // Tc belongs to the graphics state and outlives ET: reset it for the next text.
    return `${ops}${charSpacing ? ' 0 Tc' : ''} ET\n`;
  }

  /** `show`, centred on x. */
  showCentred(text: string, cx: number, y: number, size: number, charSpacing = 0): string {
    const w = this.measure(text, size, charSpacing) - charSpacing;
    return this.show(text, cx - w / 2, y, size, charSpacing);
  }

  /** `show`, ending at x. */
  showRight(text: string, right: number, y: number, size: number): string {
    return this.show(text, right - this.measure(text, size), y, size);
  }

  /** Embeds the used fonts; returns the page's /Font resource dictionary. */
  embedFonts(w: PdfWriter, tagSeed: number): string {
    noteDocument(this.used);
    let resources = ` /F0 ${embedSubset(w, this.fonts[0]!, this.shared.subset, this.shared.tag, this.shared.file)} 0 R`;
    for (const i of [1, 2]) {
      const subset = this.subsets[i]!;
      if (subset.isEmpty) continue;
      const ref = embedSubset(w, this.fonts[i - 1]!, subset, subsetTag(tagSeed + i), subset.toTrueType());
      resources += ` /F${i} ${ref} 0 R`;
    }
    return `<<${resources}>>`;
  }
}

const CLOSING = new Set(Array.from('，。、；：！？）》」』”’…,.;:!?)'));

/** Numbers in content streams: at most two decimals, no exponent. */
export function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function subsetTag(seed: number): string {
  let s = '';
  let v = seed >>> 0;
  for (let i = 0; i < 6; i++) {
    s += String.fromCharCode(65 + (v % 26));
    v = Math.floor(v / 26) + 7 * (i + 1);
  }
  return s;
}

/** Type0 / CIDFontType2 with Identity-H: content strings hold subset glyph ids directly. */
function embedSubset(
  w: PdfWriter,
  font: CertificateFont,
  subset: GlyphSubset,
  tag: string,
  file: Uint8Array,
): number {
  const name = `${tag}+${font.postscriptName}`;
  const fontFile = w.addStream(` /Length1 ${file.length}`, file);
  const [x0, y0, x1, y1] = font.source.bbox.map((v) => Math.round(v * font.scale));
  const ascent = Math.round(font.source.ascent * font.scale);
  const descent = Math.round(font.source.descent * font.scale);
  const descriptor = w.add(
    `<</Type /FontDescriptor /FontName /${name} /Flags 6 /FontBBox [${x0} ${y0} ${x1} ${y1}] /ItalicAngle 0 /Ascent ${ascent} /Descent ${descent} /CapHeight ${ascent} /StemV 80 /FontFile2 ${fontFile} 0 R>>`,
  );
  const widths = subset.originals.map((gid) => font.width(gid)).join(' ');
  const cidFont = w.add(
    `<</Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor ${descriptor} 0 R /W [0 [${widths}]] /CIDToGIDMap /Identity>>`,
  );
  const toUnicode = w.addStream('', toUnicodeCMap(subset.texts), { raw: true }); // a few KiB of text
  return w.add(
    `<</Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R>>`,
  );
}

/** The ToUnicode CMap that lets text be copied and extracted (pdftotext), surrogate pairs included. */
function toUnicodeCMap(texts: string[]): string {
  const entries: string[] = [];
  texts.forEach((t, id) => {
    if (!t) return;
    const b = Buffer.from(t, 'utf16le');
    b.swap16();
    entries.push(`<${id.toString(16).padStart(4, '0')}> <${b.toString('hex')}>`);
  });
  let body = '';
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    body += `${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`;
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${body}endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;
}
