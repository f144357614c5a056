// The certificate menu, loaded from catalogue/types/*.json and checked against the sources and departments.
import fs from 'node:fs';
import path from 'node:path';
import {
  AppError,
  type CertificateType,
  type CompiledRule,
  certificateTypeSchema,
  compileRule,
} from '@certcloud/core';
import type { SourceRegistry } from '../sources/source-registry.ts';

/** The loaded menu. */
export interface Catalogue {
  /** The type with this code; NOT_FOUND otherwise. */
  get(code: string): CertificateType;
  rule(code: string): CompiledRule;
  list(): CertificateType[];
}

/** Loads and validates every type; throws CONFIG_INVALID naming each bad file, the path in it and the problem. */
export function loadCatalogue(catalogueDir: string, registry: SourceRegistry): Catalogue {
  const dir = path.join(catalogueDir, 'types');
  const problems: string[] = [];
  const types = new Map<string, { type: CertificateType; rule: CompiledRule }>();
  const knownSources = new Set(registry.list().map((s) => s.id));
  for (const file of fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : []) {
    const full = path.join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (e) {
      problems.push(`${full}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const parsed = certificateTypeSchema.safeParse(json);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        problems.push(`${full}: ${i.path.join('.') || '(root)'}: ${i.message}`);
      continue;
    }
    const type = parsed.data;
    if (`${type.code}.json` !== file) problems.push(`${full}: code: "${type.code}" must match the file name`);
    for (const [i, s] of [...type.sources, ...(type.relatedSources ?? [])].entries()) {
      if (!knownSources.has(s)) problems.push(`${full}: sources.${i}: unknown source "${s}"`);
    }
    if (type.issuer.kind === 'department' && registry.department(type.issuer.department).phone === '') {
      problems.push(`${full}: issuer.department: unknown department "${type.issuer.department}"`);
    }
    try {
      types.set(type.code, { type, rule: compileRule(type) });
    } catch (e) {
      problems.push(`${full}: ${(e as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', {
      details: { problems },
      message: `Bad certificate type files:\n  - ${problems.join('\n  - ')}`,
    });
  }
  const entry = (code: string) => {
    const e = types.get(code);
    if (!e) throw new AppError('NOT_FOUND', { details: { type: code } });
    return e;
  };
  return {
    get: (code) => entry(code).type,
    rule: (code) => entry(code).rule,
    list: () => [...types.values()].map((e) => e.type),
  };
}
