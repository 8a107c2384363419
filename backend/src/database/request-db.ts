import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Role } from '../common/roles.js';

export interface Tenant {
  practiceId: string;
  userId: string | null;
  /** RATING_LINK: an anonymous one-time link; SYSTEM: the periodic sweep. */
  role: Role | 'RATING_LINK' | 'SYSTEM';
}

/** Counts SQL statements sent for a request; tests use it to prove batching. */
export interface StatementObserver {
  onStatement(requestId: string, sql: string): void;
}

/**
 * The database work of one GraphQL request: a single transaction, opened on first use, that first
 * sets the practice, user and role for row-level security (set_config(..., true): transaction-local).
 */
export class RequestDb {
  private runner?: Promise<QueryRunner>;
  private tenant?: Tenant;
  private finished = false;
  /** Rows of the statement sent together with BEGIN (see beginWith). */
  private opening?: unknown[];
  private relaxedCommit = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly requestId: string,
    private readonly observer?: StatementObserver,
  ) {}

  get currentTenant(): Tenant | undefined {
    return this.tenant;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const runner = await this.open();
    this.observer?.onStatement(this.requestId, sql);
    // Structured result: TypeORM otherwise returns [rows, count] for UPDATE/DELETE.
    const result = await runner.query(sql, params, true);
    return result.records as T[];
  }

  async one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, params);
    return rows[0];
  }

  /**
   * Opens the transaction with BEGIN and `sql` in one round trip (simple protocol: `sql` must carry
   * no parameters, only literals the caller made safe). Used for the session lookup that starts
   * almost every request. If the transaction is already open, `sql` simply runs in it.
   */
  async beginWith<T>(sql: string): Promise<T[]> {
    if (this.runner) return this.query<T>(sql);
    await this.open(sql);
    return (this.opening ?? []) as T[];
  }

  /** Lets this transaction's commit return before its WAL is flushed (reads: audit rows only). */
  async readOnlyCommit(): Promise<void> {
    this.relaxedCommit = true;
    if (this.runner) await (await this.runner).query(`SET LOCAL synchronous_commit = off`);
  }

  /** Records the tenant a statement already bound with set_config (e.g. cairn_authenticate). */
  bound(tenant: Tenant): void {
    this.tenant = tenant;
  }

  /** Binds the transaction to a practice (after sign-in is resolved, or at login). */
  async setTenant(tenant: Tenant): Promise<void> {
    this.tenant = tenant;
    if (this.runner) await this.applyTenant(await this.runner);
  }

  /** Commit (or roll back) and give the connection back. Safe to call twice. */
  async finish(commit: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (!this.runner) return;
    const runner = await this.runner;
    try {
      await runner.query(commit ? 'COMMIT' : 'ROLLBACK');
    } finally {
      await runner.release();
    }
  }

  private open(first?: string): Promise<QueryRunner> {
    if (this.finished) return Promise.reject(new Error('request transaction already finished'));
    this.runner ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        const client = (await runner.connect()) as PoolClient;
        // BEGIN goes out with the first statement when there is one: one round trip fewer per request.
        this.observer?.onStatement(this.requestId, 'BEGIN');
        const begin = this.relaxedCommit ? 'BEGIN; SET LOCAL synchronous_commit = off;' : 'BEGIN;';
        if (first) {
          this.observer?.onStatement(this.requestId, first);
          const results = (await client.query(`${begin} ${first}`)) as unknown as { rows: unknown[] }[];
          this.opening = results.at(-1)?.rows ?? [];
        } else {
          await client.query(begin);
        }
        if (this.tenant) await this.applyTenant(runner);
        return runner;
      } catch (error) {
        await runner.release();
        throw error;
      }
    })();
    return this.runner;
  }

  private async applyTenant(runner: QueryRunner): Promise<void> {
    const t = this.tenant;
    if (!t) return;
    this.observer?.onStatement(this.requestId, 'set_config');
    await runner.query(
      `SELECT set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true), set_config('app.role', $3, true)`,
      [t.practiceId, t.userId ?? '', t.role],
    );
  }
}

/** A short transaction of its own, bound to a practice: for writes that must survive a rolled-back request. */
export async function inTenantTransaction<T>(
  dataSource: DataSource,
  tenant: Tenant | null,
  work: (db: RequestDb) => Promise<T>,
): Promise<T> {
  const db = new RequestDb(dataSource, 'side-transaction');
  if (tenant) await db.setTenant(tenant);
  try {
    const result = await work(db);
    await db.finish(true);
    return result;
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}
