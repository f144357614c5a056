// One-step fact gathering: every needed source in parallel, each with its own timeout.
// "No record found" may only ever come from a source that answered.
import { AppError } from '@certcloud/core';
import { abortable, SourceReadError, type SourceRecord } from '../../connectors/connector.ts';
import type { SourceRegistry } from './source-registry.ts';

/** Where a fact came from. */
export interface Provenance {
  source: string;
  department: string;
  asOf: string;
}

/** The records one source returned for the subject. */
export interface SourceFacts {
  records: SourceRecord[];
  provenance: Provenance;
}

/** Facts by source id. */
export type Facts = Record<string, SourceFacts>;

/** A source that did not answer, as told to the person (with the department's phone). */
export interface UnavailableSource {
  source: string;
  sourceName: string;
  department: string;
  departmentName: string;
  phone: string;
  reason: string;
}

/** Reads `sourceIds` for `subject`; throws SOURCE_UNAVAILABLE naming every department that did not answer. */
export async function gatherFacts(
  registry: SourceRegistry,
  subject: string,
  sourceIds: readonly string[],
): Promise<Facts> {
  const results = await Promise.allSettled(sourceIds.map((id) => readOne(registry, subject, id)));
  const facts: Facts = {};
  const unavailable: UnavailableSource[] = [];
  results.forEach((r, i) => {
    const id = sourceIds[i]!;
    if (r.status === 'fulfilled') {
      facts[id] = r.value;
      return;
    }
    const def = registry.get(id);
    const dept = registry.department(def.department);
    unavailable.push({
      source: id,
      sourceName: def.name,
      department: dept.code,
      departmentName: dept.name,
      phone: dept.phone,
      reason: r.reason instanceof SourceReadError ? r.reason.reason : 'query-failed',
    });
  });
  if (unavailable.length > 0) throw new AppError('SOURCE_UNAVAILABLE', { details: { unavailable } });
  return facts;
}

async function readOne(registry: SourceRegistry, subject: string, id: string): Promise<SourceFacts> {
  const def = registry.get(id);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), registry.timeoutMs(id));
  try {
    const records = await abortable(controller.signal, () =>
      registry.connector(id).read(subject, controller.signal),
    );
    return {
      records,
      provenance: { source: id, department: def.department, asOf: new Date().toISOString() },
    };
  } finally {
    clearTimeout(timer);
  }
}
