import type { RequestDb } from '../../database/request-db.js';

const BATCH_ROWS = 2000;
let cursors = 0;

/**
 * Rows of a query in batches through a server-side cursor in the caller's transaction, so only one
 * batch is ever in memory. Stopping early (a client that hangs up) closes the cursor.
 */
export async function* cursorBatches<T>(
  db: RequestDb,
  sql: string,
  params: unknown[],
  batch = BATCH_ROWS,
): AsyncGenerator<T[]> {
  cursors += 1;
  const name = `cairn_export_${cursors}`;
  await db.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  let open = true;
  try {
    for (;;) {
      const rows = await db.query<T>(`FETCH ${batch} FROM ${name}`);
      if (rows.length === 0) break;
      yield rows;
    }
  } catch (error) {
    // The transaction is aborted; it ends with the rollback, and so does the cursor.
    open = false;
    throw error;
  } finally {
    if (open) await db.query(`CLOSE ${name}`);
  }
}
