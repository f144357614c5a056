// The registry of department sources: file definitions, overridden by admin registrations, each with its connector.
import path from 'node:path';
import { AppError, type SourceDefinition } from '@certcloud/core';
import type { Config } from '../../config/config.ts';
import type { Connector } from '../../connectors/connector.ts';
import { httpConnector } from '../../connectors/http.connector.ts';
import { sqlConnector } from '../../connectors/sql.connector.ts';
import { tableConnector } from '../../connectors/table.connector.ts';
import type { Store } from '../../db/connection.ts';
import { loadSourceFiles, parseSourceDefinition } from './source-files.ts';

/** What a person is told about a department when its data cannot be reached. */
export interface DepartmentContact {
  code: string;
  name: string;
  nameEn: string;
  phone: string;
  address: string;
  officeHours: string;
}

/** Sources by id, their connectors, and the departments that own them. */
export interface SourceRegistry {
  get(id: string): SourceDefinition;
  list(): SourceDefinition[];
  connector(id: string): Connector;
  timeoutMs(id: string): number;
  department(code: string): DepartmentContact;
  /** Registers or replaces a source (admin API); persisted, effective at once. */
  register(def: SourceDefinition, by: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds the registry from `config.catalogueDir/sources` plus the `sources` table. */
export async function createSourceRegistry(
  store: Store,
  config: Pick<Config, 'catalogueDir' | 'sourceSecrets' | 'sourceTimeoutMs'>,
): Promise<SourceRegistry> {
  const defs = new Map<string, SourceDefinition>();
  for (const def of loadSourceFiles(path.join(config.catalogueDir, 'sources'))) defs.set(def.id, def);
  for (const row of await store.db.selectFrom('sources').selectAll().execute()) {
    defs.set(row.id, parseSourceDefinition(JSON.parse(row.definition), `sources table, id ${row.id}`));
  }
  const connectors = new Map<string, Connector>();
  const departments = new Map<string, DepartmentContact>();
  const rows = await store.db
    .selectFrom('departments')
    .select(['code', 'name', 'name_en', 'phone', 'address', 'office_hours'])
    .execute();
  for (const d of rows) {
    departments.set(d.code, {
      code: d.code,
      name: d.name,
      nameEn: d.name_en,
      phone: d.phone,
      address: d.address,
      officeHours: d.office_hours,
    });
  }

  const makeConnector = (def: SourceDefinition): Connector => {
    switch (def.connector.kind) {
      case 'table':
        return tableConnector(def, store);
      case 'sql':
        return sqlConnector(def, config.sourceSecrets, def.timeoutMs ?? config.sourceTimeoutMs);
      case 'http':
        return httpConnector(def, config.sourceSecrets);
    }
  };

  const registry: SourceRegistry = {
    get(id) {
      const def = defs.get(id);
      if (!def) throw new AppError('NOT_FOUND', { details: { source: id } });
      return def;
    },
    list: () => [...defs.values()],
    connector(id) {
      let c = connectors.get(id);
      if (!c) {
        c = makeConnector(registry.get(id));
        connectors.set(id, c);
      }
      return c;
    },
    timeoutMs: (id) => registry.get(id).timeoutMs ?? config.sourceTimeoutMs,
    department: (code) =>
      departments.get(code) ?? { code, name: code, nameEn: code, phone: '', address: '', officeHours: '' },
    async register(def, by) {
      const now = new Date().toISOString();
      const definition = JSON.stringify(def);
      await store.db
        .insertInto('sources')
        .values({ id: def.id, definition, updated_by: by, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ definition, updated_by: by, updated_at: now }))
        .execute();
      await connectors.get(def.id)?.close();
      connectors.delete(def.id);
      defs.set(def.id, def);
    },
    async close() {
      await Promise.all([...connectors.values()].map((c) => c.close()));
      connectors.clear();
    },
  };
  return registry;
}
