import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { CairnLogger } from '../../common/logger.js';
import type { RequestContext } from '../../common/request-context.js';
import { RequestDb } from '../../database/request-db.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import type { VisibleClient } from '../client/client-access.service.js';
import { FlagEngine } from './flag-engine.service.js';
import { refitPracticeTrajectories } from './practice-trajectories.js';

const CLIENT_BATCH = 200;

/**
 * Time-based flags (no mood for a week, homework lapsing, mood flat and low) have no write to hang
 * on, so a periodic sweep evaluates them. Each client is its own short transaction; running the
 * sweep twice creates nothing twice, because open flags of a kind are never duplicated.
 */
@Injectable()
export class FlagSweepService implements OnModuleInit, OnApplicationShutdown {
  private running?: Promise<number>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly engine: FlagEngine,
    private readonly config: AppConfig,
    private readonly logger: CairnLogger,
    private readonly jobs: JobQueue,
  ) {}

  /** A scheduled job on the PostgreSQL queue: with several app instances, one sweep runs at a time. */
  onModuleInit(): void {
    this.jobs.every('flag-sweep', this.config.sweepIntervalMinutes * 60_000, async () => {
      await this.sweepAll();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /**
   * Sweeps every practice; returns how many flags were opened. One sweep at a time. `all` runs every
   * rule (after demo data or an import is loaded), not only the time-based ones.
   */
  sweepAll(mode: 'time-based' | 'all' = 'time-based'): Promise<number> {
    this.running ??= this.sweep(mode).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(mode: 'time-based' | 'all'): Promise<number> {
    const started = Date.now();
    const practices = (await this.dataSource.query(`SELECT cairn_practice_ids() AS id`)) as { id: string }[];
    let opened = 0;
    for (const { id: practiceId } of practices) {
      // The practice's own expected-trajectory curves, refitted here (at most daily), never on a write.
      await this.inPractice(practiceId, (ctx) => refitPracticeTrajectories(ctx));
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const clients = await this.inPractice(practiceId, (ctx) =>
          ctx.db.query<VisibleClient>(
            `SELECT c.id, c.practice_id AS "practiceId", c.therapist_id AS "therapistId", c.user_id AS "userId", c.code,
                    c.timezone, c.status, p.country
               FROM client c JOIN practice p ON p.id = c.practice_id
              WHERE c.status = 'ACTIVE' AND c.id > $1
                -- Between episodes nobody is expected to log moods or do homework.
                AND EXISTS (SELECT 1 FROM episode e WHERE e.practice_id = c.practice_id AND e.client_id = c.id AND e.ended_on IS NULL)
              ORDER BY c.id LIMIT $2`,
            [after, CLIENT_BATCH],
          ),
        );
        for (const client of clients) {
          opened += (
            await this.inPractice(practiceId, (ctx) =>
              mode === 'all' ? this.engine.recomputeClient(ctx, client) : this.engine.sweepClient(ctx, client),
            )
          ).length;
        }
        if (clients.length < CLIENT_BATCH) break;
        after = clients[clients.length - 1].id;
      }
    }
    this.logger.event('info', 'flag sweep finished', { durationMs: Date.now() - started, status: opened });
    return opened;
  }

  private async inPractice<T>(practiceId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    const db = new RequestDb(this.dataSource, 'flag-sweep');
    await db.setTenant({ practiceId, userId: null, role: 'SYSTEM' });
    const ctx = {
      db,
      requestId: 'flag-sweep',
      user: async () => null,
    } as unknown as RequestContext; // no HTTP request: req/res and limits are never used by the engine
    try {
      const result = await work(ctx);
      await db.finish(true);
      return result;
    } catch (error) {
      await db.finish(false);
      throw error;
    }
  }
}
