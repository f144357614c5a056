// Minimal types for packages that ship none: the independent credential verifier used in tests, and
// fontkit (only the naive baseline of bench/documents.bench.ts uses it).
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(opts: { cryptosuite: unknown });
  }
}
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createVerifyCryptosuite(): unknown;
}
declare module 'jsonld-signatures' {
  const jsigs: {
    verify(
      doc: unknown,
      opts: { suite: unknown; purpose: unknown; documentLoader: (url: string) => Promise<unknown> },
    ): Promise<{ verified: boolean; error?: unknown }>;
    purposes: { AssertionProofPurpose: new () => unknown };
  };
  export default jsigs;
}
declare module 'fontkit' {
  export function create(data: Buffer): unknown;
}
