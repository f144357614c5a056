// A TrueType (glyf) font held in memory, and a subsetter that builds a small font for one document.
// Subsetting here is byte copying of cached glyph records — no outline decoding — which is what makes
// per-document CJK subsets cheap (fontkit's general subsetter re-encodes every glyph).

interface TableRef {
  offset: number;
  length: number;
}

/** A parsed TrueType font: table directory, glyph locations and metrics, read once. */
export class TrueTypeSource {
  readonly bytes: Uint8Array;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  readonly ascent: number;
  readonly descent: number;
  readonly bbox: [number, number, number, number];
  private readonly view: DataView;
  private readonly tables = new Map<string, TableRef>();
  private readonly glyphCache = new Map<number, { data: Uint8Array; components: number[] }>();
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      this.tables.set(tag, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
    }
    for (const tag of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf'])
      if (!this.tables.has(tag)) throw new Error(`not a TrueType outline font: no ${tag} table`);
    const head = this.table('head').offset;
    this.unitsPerEm = this.view.getUint16(head + 18);
    this.bbox = [
      this.view.getInt16(head + 36),
      this.view.getInt16(head + 38),
      this.view.getInt16(head + 40),
      this.view.getInt16(head + 42),
    ];
    this.longLoca = this.view.getInt16(head + 50) === 1;
    const hhea = this.table('hhea').offset;
    this.ascent = this.view.getInt16(hhea + 4);
    this.descent = this.view.getInt16(hhea + 6);
    this.numberOfHMetrics = this.view.getUint16(hhea + 34);
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
  }

  /** True when the font has the table. */
  has(tag: string): boolean {
    return this.tables.has(tag);
  }

  /** Where a table lives in the font file. */
  table(tag: string): TableRef {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t;
  }

  /** Advance width of a glyph in font units. */
  advance(gid: number): number {
    const hmtx = this.table('hmtx').offset;
    return this.view.getUint16(hmtx + 4 * Math.min(gid, this.numberOfHMetrics - 1));
  }

  /** Left side bearing of a glyph in font units. */
  leftSideBearing(gid: number): number {
    const hmtx = this.table('hmtx').offset;
    if (gid < this.numberOfHMetrics) return this.view.getInt16(hmtx + 4 * gid + 2);
    return this.view.getInt16(hmtx + 4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics));
  }

  /** The glyph's raw glyf record and, for composites, the glyphs it is built from. */
  glyph(gid: number): { data: Uint8Array; components: number[] } {
    let g = this.glyphCache.get(gid);
    if (g) return g;
    const loca = this.table('loca').offset;
    const start = this.longLoca
      ? this.view.getUint32(loca + 4 * gid)
      : this.view.getUint16(loca + 2 * gid) * 2;
    const end = this.longLoca
      ? this.view.getUint32(loca + 4 * gid + 4)
      : this.view.getUint16(loca + 2 * gid + 2) * 2;
    const glyf = this.table('glyf').offset;
    const data = this.bytes.subarray(glyf + start, glyf + end);
    g = {
      data,
      components: data.length > 0 && this.view.getInt16(glyf + start) < 0 ? componentIds(data) : [],
    };
    this.glyphCache.set(gid, g);
    return g;
  }
}

const ARG_WORDS = 0x0001;
const HAVE_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_XY_SCALE = 0x0040;
const HAVE_2X2 = 0x0080;

/** Byte offsets of the glyph-index fields inside a composite glyph record. */
function componentOffsets(data: Uint8Array): number[] {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const offsets: number[] = [];
  let at = 10;
  for (;;) {
    const flags = v.getUint16(at);
    offsets.push(at + 2);
    at += 4 + (flags & ARG_WORDS ? 4 : 2);
    if (flags & HAVE_SCALE) at += 2;
    else if (flags & HAVE_XY_SCALE) at += 4;
    else if (flags & HAVE_2X2) at += 8;
    if (!(flags & MORE_COMPONENTS)) return offsets;
  }
}

function componentIds(data: Uint8Array): number[] {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return componentOffsets(data).map((o) => v.getUint16(o));
}

/**
 * Glyph ids of one document's subset, numbered in order of first use; id 0 is always .notdef.
 * `add` returns the new id that the document's text is written with (CID = subset glyph id).
 */
export class GlyphSubset {
  readonly source: TrueTypeSource;
  /** Original glyph id of each subset id. */
  readonly originals: number[] = [0];
  /** Unicode text of each subset id (for the ToUnicode map). */
  readonly texts: string[] = [''];
  private readonly ids = new Map<number, number>([[0, 0]]);

  constructor(source: TrueTypeSource) {
    this.source = source;
  }

  /** The subset id for an original glyph (added on first use). */
  add(gid: number, text: string): number {
    let id = this.ids.get(gid);
    if (id === undefined) {
      id = this.originals.length;
      this.ids.set(gid, id);
      this.originals.push(gid);
      this.texts.push(text);
    }
    return id;
  }

  /** The subset id of an original glyph, if it is in the subset. */
  idOf(gid: number): number | undefined {
    return this.ids.get(gid);
  }

  /** True when nothing but .notdef was used. */
  get isEmpty(): boolean {
    return this.originals.length === 1;
  }

  /** The subset font file (TrueType) holding exactly the used glyphs and their components. */
  toTrueType(): Uint8Array {
    const src = this.source;
    for (let i = 0; i < this.originals.length; i++)
      for (const c of src.glyph(this.originals[i]!).components) this.add(c, '');
    const n = this.originals.length;
    const glyphs = this.originals.map((gid) => {
      const g = src.glyph(gid);
      if (g.components.length === 0) return g.data;
      const copy = g.data.slice();
      const v = new DataView(copy.buffer);
      for (const o of componentOffsets(copy)) v.setUint16(o, this.ids.get(v.getUint16(o))!);
      return copy;
    });
    let glyfLength = 0;
    for (const g of glyphs) glyfLength += (g.length + 3) & ~3;
    const glyf = new Uint8Array(glyfLength);
    const loca = new DataView(new ArrayBuffer(4 * (n + 1)));
    const hmtx = new DataView(new ArrayBuffer(4 * n));
    let at = 0;
    glyphs.forEach((g, i) => {
      loca.setUint32(4 * i, at);
      glyf.set(g, at);
      at += (g.length + 3) & ~3;
      hmtx.setUint16(4 * i, src.advance(this.originals[i]!));
      hmtx.setInt16(4 * i + 2, src.leftSideBearing(this.originals[i]!));
    });
    loca.setUint32(4 * n, at);
    const copyTable = (tag: string): Uint8Array => {
      const t = src.table(tag);
      return src.bytes.slice(t.offset, t.offset + t.length);
    };
    const head = copyTable('head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, fixed below
    headView.setInt16(50, 1); // long loca
    const hhea = copyTable('hhea');
    new DataView(hhea.buffer).setUint16(34, n);
    const maxp = copyTable('maxp');
    new DataView(maxp.buffer).setUint16(4, n);
    const post = copyTable('post').slice(0, 32);
    new DataView(post.buffer).setUint32(0, 0x00030000); // format 3: no glyph names
    const tables: [string, Uint8Array][] = [
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', new Uint8Array(hmtx.buffer)],
      ['loca', new Uint8Array(loca.buffer)],
      ['maxp', maxp],
      ['post', post],
    ];
    for (const optional of ['cvt ', 'fpgm', 'prep'])
      if (src.has(optional)) tables.unshift([optional, copyTable(optional)]);
    tables.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const file = assemble(tables);
    const adjustment = (0xb1b0afba - checksum(file)) >>> 0;
    const headAt = directoryOffsetOf(file, 'head');
    new DataView(file.buffer).setUint32(headAt + 8, adjustment);
    return file;
  }
}

function checksum(bytes: Uint8Array, start = 0, length = bytes.length): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const end = start + (length & ~3);
  for (let i = start; i < end; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  let tail = 0;
  for (let i = end; i < start + length; i++) tail |= bytes[i]! << (24 - 8 * (i - end));
  return (sum + tail) >>> 0;
}

function directoryOffsetOf(file: Uint8Array, tag: string): number {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = v.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    if (String.fromCharCode(...file.subarray(at, at + 4)) === tag) return v.getUint32(at + 8);
  }
  throw new Error(`no ${tag}`);
}

function assemble(tables: [string, Uint8Array][]): Uint8Array {
  const count = tables.length;
  let size = 12 + 16 * count;
  for (const [, t] of tables) size += (t.length + 3) & ~3;
  const file = new Uint8Array(size);
  const v = new DataView(file.buffer);
  const log2 = Math.floor(Math.log2(count));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, count);
  v.setUint16(6, 16 * 2 ** log2);
  v.setUint16(8, log2);
  v.setUint16(10, 16 * count - 16 * 2 ** log2);
  let at = 12 + 16 * count;
  tables.forEach(([tag, data], i) => {
    const dir = 12 + 16 * i;
    for (let k = 0; k < 4; k++) file[dir + k] = tag.charCodeAt(k);
    v.setUint32(dir + 4, checksum(data));
    v.setUint32(dir + 8, at);
    v.setUint32(dir + 12, data.length);
    file.set(data, at);
    at += (data.length + 3) & ~3;
  });
  return file;
}
