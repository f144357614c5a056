// One-step fact gathering: every needed source in parallel, each with its own timeout.
// "No record found" may only ever come from a source that answered.
import { AppError } from '@certcloud/core';
import { SourceReadError, type SourceRecord } from '../../connectors/connector.ts';
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
  const asOf = new Date().toISOString();
  const connectors = sourceIds.map((id) => registry.connector(id));
  const results: PromiseSettledResult<SourceRecord[]>[] = connectors.every((c) => c.readSync)
    ? connectors.map((c) => settleSync(() => c.readSync!(subject)))
    : await Promise.allSettled(sourceIds.map((id) => readOne(registry, subject, id)));
  const facts: Facts = {};
  const unavailable: UnavailableSource[] = [];
  results.forEach((r, i) => {
    const id = sourceIds[i]!;
    const def = registry.get(id);
    if (r.status === 'fulfilled') {
      facts[id] = { records: r.value, provenance: { source: id, department: def.department, asOf } };
      return;
    }
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

function settleSync<T>(fn: () => T): PromiseSettledResult<T> {
  try {
    return { status: 'fulfilled', value: fn() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}

const NEVER_ABORTED = new AbortController().signal;

/** One source read; remote sources race their own timeout (and are told to abort when it fires). */
function readOne(registry: SourceRegistry, subject: string, id: string): Promise<SourceRecord[]> {
  const connector = registry.connector(id);
  if (connector.local) return connector.read(subject, NEVER_ABORTED);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SourceReadError('timeout', `source ${id} timed out`));
    }, registry.timeoutMs(id));
  });
  return Promise.race([connector.read(subject, controller.signal), timeout]).finally(() =>
    clearTimeout(timer),
  );
}
