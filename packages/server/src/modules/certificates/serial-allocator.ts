// Serial numbers, unique per issuer and year. Reserved in blocks (one short transaction per block), so the
// issuing path does not pay a commit per serial; a crash or a restart leaves a gap, never a duplicate.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Hands out serial numbers from reserved blocks. */
export interface SerialAllocator {
  next(issuerCode: string, year: number): Promise<number>;
}

/** An allocator reserving `blockSize` numbers at a time per issuer and year. */
export function createSerialAllocator(db: Kysely<Database>, blockSize = 50): SerialAllocator {
  const blocks = new Map<string, { next: number; end: number }>();
  const reserving = new Map<string, Promise<void>>();

  async function reserve(issuerCode: string, year: number, key: string): Promise<void> {
    const row = await db.transaction().execute((trx) =>
      trx
        .insertInto('serial_counters')
        .values({ issuer_code: issuerCode, year, last: blockSize })
        .onConflict((oc) =>
          oc
            .columns(['issuer_code', 'year'])
            .doUpdateSet((eb) => ({ last: eb('serial_counters.last', '+', blockSize) })),
        )
        .returning('last')
        .executeTakeFirstOrThrow(),
    );
    blocks.set(key, { next: row.last - blockSize + 1, end: row.last });
  }

  return {
    async next(issuerCode, year) {
      const key = `${issuerCode}/${year}`;
      for (;;) {
        const block = blocks.get(key);
        if (block && block.next <= block.end) return block.next++;
        let pending = reserving.get(key);
        if (!pending) {
          pending = reserve(issuerCode, year, key).finally(() => reserving.delete(key));
          reserving.set(key, pending);
        }
        await pending;
      }
    },
  };
}
