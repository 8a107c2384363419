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
 * Parameterised statements are prepared once per pooled connection (pg's named statements), so
 * PostgreSQL parses and rewrites each text once, not on every request. The names are shared by all
 * connections; a bound on distinct texts keeps a connection's statement cache small even if some
 * code ever built SQL text from values (beyond it, statements simply run unnamed).
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED_STATEMENTS = 400;
const PREPARABLE = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;
/** A practice report over years of a large practice, or one FETCH of an export, fits in this. */
const LONG_STATEMENT_TIMEOUT = '120s';
const LONG_IDLE_TIMEOUT = '10min';
const LONG_BUDGET_SQL = `SELECT set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $2, true)`;

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `cairn_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

interface Connection {
  runner: QueryRunner;
  client: PoolClient;
}

/**
 * The database work of one GraphQL request: a single transaction, opened on first use, that first
 * sets the practice, user and role for row-level security (set_config(..., true): transaction-local).
 */
export class RequestDb {
  private connection?: Promise<Connection>;
  private tenant?: Tenant;
  private finished = false;
  /** Rows of the statement sent together with BEGIN (see beginWith). */
  private opening?: unknown[];
  private relaxedCommit = false;
  private longBudget = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly requestId: string,
    private readonly observer?: StatementObserver,
  ) {}

  get currentTenant(): Tenant | undefined {
    return this.tenant;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const { client } = await this.open();
    this.observer?.onStatement(this.requestId, sql);
    return run<T>(client, sql, params);
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
    if (this.connection) return this.query<T>(sql);
    await this.open(sql);
    return (this.opening ?? []) as T[];
  }

  /** Lets this transaction's commit return before its WAL is flushed (reads: audit rows only). */
  async readOnlyCommit(): Promise<void> {
    this.relaxedCommit = true;
    if (this.connection) await (await this.connection).client.query(`SET LOCAL synchronous_commit = off`);
  }

  /**
   * Reports and exports: a longer budget than the app role's timeouts (APP_ROLE_TIMEOUTS), for this
   * transaction only (SET LOCAL); a download also waits on a slow client between fetches.
   */
  async longRunning(): Promise<void> {
    if (this.longBudget) return;
    const { client } = await this.open();
    await this.applyLongBudget(client);
  }

  /** Records the tenant a statement already bound with set_config (e.g. cairn_authenticate). */
  bound(tenant: Tenant): void {
    this.tenant = tenant;
  }

  /** Binds the transaction to a practice (after sign-in is resolved, or at login). */
  async setTenant(tenant: Tenant): Promise<void> {
    this.tenant = tenant;
    if (this.connection) await this.applyTenant((await this.connection).client);
  }

  /** Commit (or roll back) and give the connection back. Safe to call twice. */
  async finish(commit: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (!this.connection) return;
    const { runner, client } = await this.connection;
    try {
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    } finally {
      await runner.release();
    }
  }

  private open(first?: string): Promise<Connection> {
    if (this.finished) return Promise.reject(new Error('request transaction already finished'));
    this.connection ??= (async () => {
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
        if (this.tenant) await this.applyTenant(client);
        return { runner, client };
      } catch (error) {
        await runner.release();
        throw error;
      }
    })();
    return this.connection;
  }

  private async applyTenant(client: PoolClient): Promise<void> {
    const t = this.tenant;
    if (!t) return;
    this.observer?.onStatement(this.requestId, 'set_config');
    await run(
      client,
      `SELECT set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true), set_config('app.role', $3, true)`,
      [t.practiceId, t.userId ?? '', t.role],
    );
    // Background work (the flag sweep, deliveries) keeps no person waiting: it gets the long budget.
    if (t.role === 'SYSTEM') await this.applyLongBudget(client);
  }

  private async applyLongBudget(client: PoolClient): Promise<void> {
    if (this.longBudget) return;
    this.longBudget = true;
    this.observer?.onStatement(this.requestId, LONG_BUDGET_SQL);
    await run(client, LONG_BUDGET_SQL, [LONG_STATEMENT_TIMEOUT, LONG_IDLE_TIMEOUT]);
  }
}

async function run<T>(client: PoolClient, sql: string, params: unknown[]): Promise<T[]> {
  // Without parameters pg uses the simple protocol, which a named statement cannot; utility
  // statements (an export's DECLARE ... CURSOR, named per export) are not worth keeping.
  const name = params.length > 0 && PREPARABLE.test(sql) ? statementName(sql) : undefined;
  const result = await client.query({ text: sql, values: params, ...(name ? { name } : {}) });
  return result.rows as T[];
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
