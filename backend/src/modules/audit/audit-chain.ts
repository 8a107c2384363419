import type pg from 'pg';

export interface BrokenLink {
  /** Position in the practice's chain (1 = first row) where the chain stops holding. */
  seq: number;
  /** The audit row at that position, when there is one. */
  id: string | null;
  reason: string;
}

export interface ChainReport {
  practiceId: string;
  rows: number;
  /** Hash of the last link: recorded elsewhere, it also exposes a rewrite of the whole chain. */
  headHash: string | null;
  brokenAt: BrokenLink | null;
}

interface LinkRow {
  id: string;
  seq: string;
  prev_hash: Buffer | null;
  row_hash: Buffer;
  recomputed: Buffer;
}

const BATCH = 5000;

/**
 * Walks a practice's audit rows in chain order and reports the first link that does not hold: a
 * row whose content no longer matches its hash, a row that does not point at the one before it, a
 * gap (a deleted row), or rows missing after the last one (the chain head knows how many there were).
 * Runs as the schema owner; the practice is bound so row-level security shows its rows.
 */
export async function verifyAuditChain(db: pg.ClientBase, practiceId: string): Promise<ChainReport> {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await db.query(`SELECT set_config('app.practice_id', $1, true)`, [practiceId]);
    const report = await walk(db, practiceId);
    await db.query('COMMIT');
    return report;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

async function walk(db: pg.ClientBase, practiceId: string): Promise<ChainReport> {
  let expected = 1;
  let prevHash: Buffer | null = null;
  let rows = 0;
  const broken = (seq: number, id: string | null, reason: string): ChainReport => ({
    practiceId,
    rows,
    headHash: prevHash?.toString('hex') ?? null,
    brokenAt: { seq, id, reason },
  });
  for (;;) {
    const { rows: batch } = await db.query<LinkRow>(
      `SELECT id, chain_seq AS seq, prev_hash, row_hash, cairn_audit_row_hash(a) AS recomputed
         FROM audit_event a WHERE practice_id = $1 AND chain_seq >= $2 ORDER BY chain_seq LIMIT ${BATCH}`,
      [practiceId, expected],
    );
    for (const r of batch) {
      const seq = Number(r.seq);
      if (seq !== expected) return broken(expected, null, `row ${expected} is missing (the next row is ${seq})`);
      const pointsBack = prevHash === null ? r.prev_hash === null : r.prev_hash?.equals(prevHash) === true;
      if (!pointsBack) return broken(seq, r.id, 'its previous-row hash does not match the row before it');
      if (!r.recomputed.equals(r.row_hash)) return broken(seq, r.id, 'its content does not match its hash');
      prevHash = r.row_hash;
      expected += 1;
      rows += 1;
    }
    if (batch.length < BATCH) break;
  }
  const { rows: head } = await db.query<{ last_seq: string; last_hash: Buffer }>(
    `SELECT last_seq, last_hash FROM audit_chain_head WHERE practice_id = $1`,
    [practiceId],
  );
  const lastSeq = head[0] ? Number(head[0].last_seq) : 0;
  if (lastSeq !== rows) {
    return broken(rows + 1, null, `the chain head records ${lastSeq} rows, ${rows} are present`);
  }
  if (head[0] && prevHash && !head[0].last_hash.equals(prevHash)) {
    return broken(rows, null, 'the last row does not match the chain head');
  }
  return { practiceId, rows, headHash: prevHash?.toString('hex') ?? null, brokenAt: null };
}
