import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JOB_QUEUE_SCHEMA } from '@cairn/db';
import { Logger, run, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CairnLogger } from '../../common/logger.js';
import type { RequestDb } from '../../database/request-db.js';

/** Jobs run at once per app instance (mail sending is mostly waiting on SMTP). */
const CONCURRENCY = 4;
/** How often each instance looks for jobs that came due (retries); new jobs arrive by NOTIFY at once. */
const POLL_INTERVAL_MS = 1000;
/** How often each instance checks that its worker runs and that every schedule has its next run. */
const WATCH_MS = 10_000;

export interface JobOptions {
  /** At most one pending job per key (a new add replaces the pending one's settings). */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

interface Recurring {
  name: string;
  everyMs: number;
}

/**
 * The durable job queue (graphile-worker) on the application's own PostgreSQL, started with the
 * app. Jobs carry ids only; a job's handler binds whatever practice it works in. Modules register
 * their handlers in onModuleInit; the queue starts once the app is bootstrapped.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly tasks: TaskList = {};
  private readonly recurring: Recurring[] = [];
  private readonly turnedOff: string[] = [];
  private runner?: Runner;
  private pool?: pg.Pool;
  private stopping = false;
  private watch?: NodeJS.Timeout;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly logger: CairnLogger,
  ) {}

  /** What a job of this name does. A handler that throws is retried by the queue up to the job's maxAttempts. */
  define<T>(name: string, handler: (payload: T) => Promise<void>): void {
    if (this.runner) throw new Error(`job ${name} defined after the queue started`);
    this.tasks[name] = async (payload) => {
      const started = Date.now();
      try {
        await handler(payload as T);
      } catch (error) {
        this.logger.event('warn', 'job failed', {
          operation: name,
          errorName: (error as Error).name,
          durationMs: Date.now() - started,
        });
        throw error;
      }
    };
  }

  /**
   * A job that runs every `everyMs`, one run at a time across every app instance: one pending job
   * per name (its job key) in a queue of its own (a named queue runs its jobs one after another).
   * Each run schedules the next; every instance makes sure one is pending when it starts.
   * `everyMs` 0 turns it off (and removes a pending run left by an earlier configuration).
   */
  every(name: string, everyMs: number, handler: () => Promise<void>): void {
    if (everyMs <= 0) {
      this.turnedOff.push(name);
      return;
    }
    this.recurring.push({ name, everyMs });
    this.define(name, async () => {
      try {
        await handler();
      } finally {
        await this.addRecurring(name, everyMs, 'replace');
      }
    });
  }

  /** Runs a recurring job once more, now: in its own queue, so after any run in progress anywhere. */
  async runNow(name: string): Promise<void> {
    if (!this.recurring.some((r) => r.name === name)) throw new Error(`no recurring job ${name}`);
    await this.sql(`SELECT FROM ${JOB_QUEUE_SCHEMA}.add_job($1, '{}'::json, queue_name => $1, max_attempts => 1)`, [
      name,
    ]);
  }

  /**
   * Adds a job inside the caller's transaction: it exists only if that transaction commits, so a
   * rolled-back change leaves nothing to run.
   */
  async addInTransaction(db: RequestDb, name: string, payload: object, opts: JobOptions = {}): Promise<void> {
    await db.query(
      `SELECT FROM ${JOB_QUEUE_SCHEMA}.add_job($1, $2::json, run_at => $3, max_attempts => $4, job_key => $5)`,
      [name, JSON.stringify(payload), opts.runAt ?? null, opts.maxAttempts ?? null, opts.jobKey ?? null],
    );
  }

  /** Adds a job unless one with the same key exists (pending, running or failed): for repair sweeps. */
  async addIfAbsent(name: string, payload: object, jobKey: string, maxAttempts?: number): Promise<void> {
    await this.sql(
      `SELECT FROM ${JOB_QUEUE_SCHEMA}.add_job($1, $2::json, max_attempts => $3, job_key => $4, job_key_mode => 'unsafe_dedupe')`,
      [name, JSON.stringify(payload), maxAttempts ?? null, jobKey],
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) throw new Error('job queue: the data source has no connection URL');
    this.pool = new pg.Pool({ connectionString: url, max: CONCURRENCY + 2, application_name: 'cairn-jobs' });
    // A dropped connection is the queue's to retry; it must not crash the process.
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    await this.startWorker();
    await this.ensureSchedules();
    this.watch = setInterval(() => void this.keepRunning(), WATCH_MS);
    this.watch.unref();
  }

  /** Lets running jobs finish, then disconnects. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watch);
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop().catch(() => undefined);
    await this.pool?.end();
    this.pool = undefined;
  }

  private async startWorker(): Promise<void> {
    if (!this.pool) throw new Error('job queue has no connection pool');
    const runner = await run({
      pgPool: this.pool,
      schema: JOB_QUEUE_SCHEMA,
      taskList: this.tasks,
      concurrency: CONCURRENCY,
      pollInterval: POLL_INTERVAL_MS,
      noHandleSignals: true,
      logger: this.queueLogger(),
    });
    this.runner = runner;
    // graphile-worker stops its workers for good when the database goes away; the watch restarts them.
    const ended = () => {
      if (this.runner !== runner || this.stopping) return;
      this.runner = undefined;
      this.logger.event('warn', 'job queue worker stopped; restarting');
    };
    runner.promise.then(ended, ended);
  }

  /** Every instance makes sure each schedule has its next run (a run that failed to add it, an outage). */
  private async ensureSchedules(): Promise<void> {
    for (const { name, everyMs } of this.recurring) await this.addRecurring(name, everyMs, 'preserve_run_at');
    for (const name of this.turnedOff) await this.sql(`SELECT FROM ${JOB_QUEUE_SCHEMA}.remove_job($1)`, [name]);
  }

  private async keepRunning(): Promise<void> {
    if (this.stopping) return;
    try {
      if (!this.runner) await this.startWorker();
      await this.ensureSchedules();
    } catch (error) {
      this.logger.event('warn', 'job queue unavailable', { errorName: (error as Error).name });
    }
  }

  private async addRecurring(name: string, everyMs: number, mode: 'replace' | 'preserve_run_at'): Promise<void> {
    // One attempt: the next run is the retry.
    await this.sql(
      `SELECT FROM ${JOB_QUEUE_SCHEMA}.add_job($1, '{}'::json, queue_name => $1, job_key => $1, max_attempts => 1,
         run_at => now() + make_interval(secs => $2), job_key_mode => $3)`,
      [name, everyMs / 1000, mode],
    );
  }

  private async sql(text: string, values: unknown[]): Promise<void> {
    if (!this.pool) throw new Error('job queue is not running');
    await this.pool.query(text, values);
  }

  /** The queue's own messages may quote a job's error; only the task name and error class are logged. */
  private queueLogger(): Logger {
    return new Logger((scope) => (level, _message, meta) => {
      // While stopping, a connection the database already closed (e.g. UNLISTEN) is expected.
      if ((level === 'error' || level === 'warning') && !this.stopping) {
        const error = (meta as { error?: Error } | undefined)?.error;
        this.logger.event(level === 'error' ? 'error' : 'warn', 'job queue problem', {
          operation: scope.taskIdentifier ?? scope.label,
          errorName: error?.name,
        });
      } else {
        this.logger.event('debug', 'job queue', { operation: scope.taskIdentifier ?? scope.label });
      }
    });
  }
}
