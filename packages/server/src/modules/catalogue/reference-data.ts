// Departments, police stations and their jurisdictions are configuration: present in every store, seeded or not.

import { departmentRows, jurisdictionRows } from '../../city/departments.data.ts';
import type { Store } from '../../db/connection.ts';

/** Inserts the model city's departments and jurisdictions that are missing (existing rows are kept). */
export async function ensureReferenceData(store: Store): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('departments')
      .values(departmentRows())
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('jurisdictions')
      .values(jurisdictionRows())
      .onConflict((oc) => oc.columns(['station_code', 'town']).doNothing())
      .execute();
  });
}
