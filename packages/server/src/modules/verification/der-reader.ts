// A minimal DER reader for the few CMS structures a certificate signature contains. Walking the bytes
// directly (instead of a reflection-based ASN.1 object model, ~10 ms per signature) keeps document
// verification well above 100 PDFs per second; certificates are handed to Node's X509Certificate as-is.

/** One DER element: its tag and where its header, content and end are in the buffer. */
export interface Der {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/** Reads the element at `at`; throws on truncated or over-long encodings. */
export function readDer(b: Buffer, at: number, limit = b.length): Der {
  if (at + 2 > limit) throw new Error('truncated DER');
  const tag = b[at]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('multi-byte tags are not used in CMS');
  let i = at + 1;
  let length = b[i++]!;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + b[i++]!;
  }
  const end = i + length;
  if (end > limit) throw new Error('truncated DER');
  return { tag, start: at, contentStart: i, end };
}

/** The elements inside a constructed element. */
export function childrenOf(b: Buffer, parent: Der): Der[] {
  const out: Der[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = readDer(b, at, parent.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The content bytes of an element. */
export function contentOf(b: Buffer, el: Der): Buffer {
  return b.subarray(el.contentStart, el.end);
}

/** The whole encoding of an element (header and content). */
export function encodingOf(b: Buffer, el: Der): Buffer {
  return b.subarray(el.start, el.end);
}

/** Expects a tag; throws naming what was found otherwise. */
export function expectTag(el: Der | undefined, tag: number, what: string): Der {
  if (!el || el.tag !== tag) throw new Error(`${what}: expected tag 0x${tag.toString(16)}`);
  return el;
}
