// A minimal PDF 1.7 writer: numbered objects, streams, the cross-reference table. The certificate is a
// dozen objects, so writing them directly is much faster than a general document model, and it lets
// the signature placeholder sit at a known place in one pass.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

// Compression runs in libuv's thread pool: on a busy server it uses the other cores, not the event loop.
const deflate = promisify(zlib.deflate);

/** A PDF string written as UTF-16BE hex with a byte-order mark (any Unicode text, e.g. /Title). */
export function pdfTextString(text: string): string {
  const b = Buffer.from(text, 'utf16le');
  b.swap16();
  return `<FEFF${b.toString('hex').toUpperCase()}>`;
}

/** `D:20261203161800Z`: a PDF date in UTC. */
export function pdfDate(d: Date): string {
  return `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

const ENDSTREAM = '\nendstream\nendobj\n';

// Streams that never change between documents, compressed once: original bytes → Flate bytes.
const FLATE_CACHE = new WeakMap<Uint8Array, Uint8Array>();

/** Bytes whose compressed form is kept for reuse by every document that embeds them. */
export function precompressed(bytes: Uint8Array): Uint8Array {
  if (!FLATE_CACHE.has(bytes)) FLATE_CACHE.set(bytes, zlib.deflateSync(bytes, { level: 9 }));
  return bytes;
}

/** Collects objects and writes the file. Object numbers come from `reserve()` or `add*()`. */
export class PdfWriter {
  private readonly objects: (string | Uint8Array | Promise<Uint8Array>)[][] = [];
  private next = 1;

  /** A new object number whose body is given later with `set`. */
  reserve(): number {
    return this.next++;
  }

  /** Gives object `num` its body (a dictionary, array or other direct value). */
  set(num: number, body: string): number {
    this.objects[num] = [`${num} 0 obj\n${body}\nendobj\n`];
    return num;
  }

  /** Adds an object; returns its number. */
  add(body: string): number {
    return this.set(this.reserve(), body);
  }

  /** Adds a stream; `dict` is the dictionary's inside without /Length. Compressed unless `raw`. */
  addStream(dict: string, data: Uint8Array | string, opts: { raw?: boolean; num?: number } = {}): number {
    const num = opts.num ?? this.reserve();
    if (opts.raw === undefined && typeof data !== 'string' && FLATE_CACHE.has(data)) {
      // Already compressed once (e.g. a department's seal): written as is.
      const z = FLATE_CACHE.get(data)!;
      this.objects[num] = [
        `${num} 0 obj\n<<${dict} /Length ${z.length} /Filter /FlateDecode>>\nstream\n`,
        z,
        ENDSTREAM,
      ];
      return num;
    }
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    if (opts.raw) {
      this.objects[num] = [`${num} 0 obj\n<<${dict} /Length ${bytes.length}>>\nstream\n`, bytes, ENDSTREAM];
      return num;
    }
    const body = deflate(bytes, { level: 3 });
    // The header waits for the compressed length; `finish` resolves both.
    this.objects[num] = [
      body.then((b) =>
        Buffer.from(`${num} 0 obj\n<<${dict} /Length ${b.length} /Filter /FlateDecode>>\nstream\n`),
      ),
      body,
      ENDSTREAM,
    ];
    return num;
  }

  /** The whole file: header, objects in number order, xref table and trailer. */
  async finish(root: number, info: number, id: Uint8Array): Promise<Buffer> {
    const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
    let at = chunks[0]!.length;
    const offsets: number[] = [];
    for (let n = 1; n < this.next; n++) {
      const parts = this.objects[n];
      if (!parts) throw new Error(`PDF object ${n} was reserved but never written`);
      offsets[n] = at;
      for (const part of parts) {
        const p = part instanceof Promise ? await part : part;
        const b =
          typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p.buffer, p.byteOffset, p.length);
        chunks.push(b);
        at += b.length;
      }
    }
    let xref = `xref\n0 ${this.next}\n0000000000 65535 f \n`;
    for (let n = 1; n < this.next; n++) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
    const hexId = Buffer.from(id).toString('hex').toUpperCase();
    xref += `trailer\n<</Size ${this.next} /Root ${root} 0 R /Info ${info} 0 R /ID [<${hexId}> <${hexId}>]>>\nstartxref\n${at}\n%%EOF\n`;
    chunks.push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(chunks);
  }
}
