// Loads source definitions from catalogue/sources/*.json; a bad file names the file, the path and the problem.
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type SourceDefinition, sourceSchema } from '@certcloud/core';

/** Parses and validates one definition; `origin` names it in errors. */
export function parseSourceDefinition(json: unknown, origin: string): SourceDefinition {
  const parsed = sourceSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${origin}: ${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new AppError('VALIDATION_FAILED', { details: { problems }, message: problems.join('\n') });
  }
  return parsed.data;
}

/** Every definition in `dir` (sorted by file name); throws CONFIG_INVALID listing every bad file. */
export function loadSourceFiles(dir: string): SourceDefinition[] {
  if (!fs.existsSync(dir)) return [];
  const problems: string[] = [];
  const defs: SourceDefinition[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const full = path.join(dir, file);
    try {
      const def = parseSourceDefinition(JSON.parse(fs.readFileSync(full, 'utf8')), full);
      if (`${def.id}.json` !== file) problems.push(`${full}: id "${def.id}" must match the file name`);
      defs.push(def);
    } catch (e) {
      const details = (e as AppError).details as { problems?: string[] } | undefined;
      problems.push(...(details?.problems ?? [`${full}: ${(e as Error).message}`]));
    }
  }
  if (problems.length) {
    throw new AppError('CONFIG_INVALID', {
      details: { problems },
      message: `Bad source files:\n${problems.join('\n')}`,
    });
  }
  return defs;
}
