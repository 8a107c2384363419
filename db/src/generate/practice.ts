import pg from 'pg';
import { refreshClientSummaries, refreshEpisodeOutcomes } from '../rollups.js';
import { hashDemoPassword } from '../seed/password.js';
import { GroundTruthWriter } from './ground-truth.js';
import { BulkLoader, LOAD_ORDER, type RowCounts } from './loader.js';
import { FIRST_NAMES, SURNAME_INITIALS, THERAPIST_FIRST, THERAPIST_LAST } from './names.js';
import { CRITERIA, RELIABLE_CHANGE } from './oracle.js';
import { Rng, deriveSeed, uuidv7 } from './random.js';
import { simulateClient, type ClientPlan } from './simulate.js';
import { DAY_MS, dayOf, isoTime } from './time.js';

export type PracticeSize = 'S' | 'M' | 'L';

export const PRACTICE_SIZES: Readonly<Record<PracticeSize, { therapists: number; clients: number }>> = {
  S: { therapists: 5, clients: 200 },
  M: { therapists: 50, clients: 2_500 },
  L: { therapists: 500, clients: 25_000 },
};

export interface GenerateOptions {
  size: PracticeSize;
  seed: number;
  /** End of the generated history (default: now). */
  now?: Date;
  /** Months of history before `now` (default 24). */
  months?: number;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Where to write the ground truth for flag evaluation; none when omitted. */
  groundTruthPath?: string;
  /** Flush to the database whenever this much COPY text is buffered (default 16 MB). */
  batchBytes?: number;
  /**
   * Check foreign keys row by row while loading (default false: the rows are consistent by
   * construction, so a superuser load skips the checks with session_replication_role = replica).
   */
  checkForeignKeys?: boolean;
}

export interface GenerateResult {
  practiceId: string;
  practiceName: string;
  /** Used in the staff e-mail domain: t1@<slug>.synthetic.cairn.test. */
  slug: string;
  counts: RowCounts;
  groundTruthEvents: number;
  elapsedMs: number;
  summaryMs: number;
}

const TIME_ZONES = {
  'America/New_York': 0.4,
  'America/Chicago': 0.22,
  'America/Los_Angeles': 0.2,
  'America/Denver': 0.07,
  'America/Phoenix': 0.04,
  'Europe/London': 0.05,
  'Australia/Sydney': 0.02,
} as const;

/**
 * Generates one synthetic practice (S, M or L) with `months` of history, deterministic for a seed
 * and `now`, streamed client by client into COPY batches. Needs an owner connection that bypasses
 * row-level security (COPY FROM refuses RLS-bound tables), as the embedded superuser does.
 */
export async function generatePractice(ownerUrl: string, opts: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const { size, seed } = opts;
  const shape = PRACTICE_SIZES[size];
  const nowMs = (opts.now ?? new Date()).getTime();
  const months = opts.months ?? 24;
  const windowStartDay = dayOf(nowMs - Math.round(months * 30.44) * DAY_MS);
  const lastStartDay = dayOf(nowMs) - 7;
  const slug = `bench-${size.toLowerCase()}-${seed}`;
  const practiceName = `Synthetic ${size} #${seed}`;
  const batchBytes = opts.batchBytes ?? 16 << 20;

  const db = new pg.Client({ connectionString: ownerUrl, application_name: 'cairn-generate' });
  await db.connect();
  try {
    const taken = await db.query(`SELECT 1 FROM app_user WHERE lower(email) = $1`, [
      `manager@${slug}.synthetic.cairn.test`,
    ]);
    if (taken.rowCount) throw new Error(`synthetic practice ${slug} already exists in this database`);
    await db.query(`SET synchronous_commit = off`);
    if (!opts.checkForeignKeys) await skipForeignKeyChecks(db);

    const ids = new Rng(deriveSeed(seed, 0x1d5));
    const rng = new Rng(deriveSeed(seed, 0x9a7));
    const createdMs = windowStartDay * DAY_MS - 30 * DAY_MS;
    const practiceId = uuidv7(createdMs, ids);
    await db.query(`SELECT set_config('app.practice_id', $1, false)`, [practiceId]);
    const loader = new BulkLoader(db, 'copy');
    // One batch is written (one transaction) while the next is generated.
    let writing: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    const flush = async () => {
      await writing;
      if (failure) throw failure;
      const batch = loader.take();
      writing = (async () => {
        await db.query('BEGIN');
        await loader.write(batch);
        await db.query('COMMIT');
      })().catch((error: unknown) => {
        failure = error;
      });
    };

    const passwordHash = await hashDemoPassword();
    const created = isoTime(createdMs);
    loader.add('practice', {
      id: practiceId,
      name: practiceName,
      country: 'US',
      settings: {},
      is_demo: false,
      created_at: created,
    });
    loader.add('app_user', {
      practice_id: practiceId,
      id: uuidv7(createdMs, ids),
      email: `manager@${slug}.synthetic.cairn.test`,
      password_hash: passwordHash,
      role: 'MANAGER',
      display_name: `${rng.pick(THERAPIST_FIRST)} ${rng.pick(THERAPIST_LAST)} (manager)`,
      created_at: created,
    });
    const therapists: string[] = [];
    for (let t = 1; t <= shape.therapists; t++) {
      const id = uuidv7(createdMs, ids);
      therapists.push(id);
      loader.add('app_user', {
        practice_id: practiceId,
        id,
        email: `t${t}@${slug}.synthetic.cairn.test`,
        password_hash: passwordHash,
        role: 'THERAPIST',
        display_name: `Dr ${rng.pick(THERAPIST_FIRST)} ${rng.pick(THERAPIST_LAST)}`,
        created_at: created,
      });
    }

    const truth = opts.groundTruthPath
      ? await GroundTruthWriter.open(opts.groundTruthPath, {
          format: 'cairn-ground-truth/1',
          practiceId,
          practiceName,
          size,
          seed,
          now: isoTime(nowMs),
          months,
          reliableChange: RELIABLE_CHANGE,
          criteria: CRITERIA,
        })
      : null;
    const clientRecords: string[] = [];
    const ctx = { practiceId, nowMs, ids, sink: loader, onEvent: truth ? truth.event.bind(truth) : undefined };

    for (let i = 0; i < shape.clients; i++) {
      const plan = planClient(seed, i, therapists[i % therapists.length]!, windowStartDay, lastStartDay);
      const outcome = simulateClient(plan, ctx);
      if (truth) {
        clientRecords.push(
          JSON.stringify({
            clientId: outcome.clientId,
            code: plan.code,
            therapistId: plan.therapistId,
            timezone: plan.timezone,
            status: outcome.status,
            archetype: plan.archetype,
            rupture: plan.rupture,
            riskItem9: plan.riskItem9,
            moodHelpNow: plan.moodHelpNow,
            moodDisengage: plan.moodDisengage,
            homeworkDisengage: plan.homeworkDisengage,
            missedSessions: plan.missedSessions,
          }),
        );
      }
      if (loader.bufferedBytes >= batchBytes) {
        await flush();
        await truth?.drain();
      }
      // Let the batch being written move on between clients.
      if (i % 8 === 7) await new Promise<void>((done) => setImmediate(done));
      opts.onProgress?.(i + 1, shape.clients, 'clients');
    }
    await flush();
    await writing;
    if (failure) throw failure;
    await truth?.close(clientRecords);

    const summaryStarted = Date.now();
    opts.onProgress?.(0, 1, 'summaries');
    await refreshClientSummaries(db, practiceId);
    await refreshEpisodeOutcomes(db, practiceId);
    const summaryMs = Date.now() - summaryStarted;
    opts.onProgress?.(0, 1, 'analyze');
    await db.query(`VACUUM (ANALYZE) ${[...LOAD_ORDER, 'client_summary', 'episode_outcome'].join(', ')}`);
    opts.onProgress?.(1, 1, 'done');
    return {
      practiceId,
      practiceName,
      slug,
      counts: { ...loader.counts },
      groundTruthEvents: truth?.count ?? 0,
      elapsedMs: Date.now() - started,
      summaryMs,
    };
  } finally {
    await db.end();
  }
}

/** Skips per-row foreign-key triggers for this session when the role may (superuser). */
async function skipForeignKeyChecks(db: pg.Client): Promise<void> {
  try {
    await db.query(`SET session_replication_role = replica`);
  } catch {
    // Not permitted: the load checks foreign keys as usual.
  }
}

/**
 * Each client's course is drawn from latent classes (recovering, slow, stalled, deteriorating,
 * dropping out) that the flag rules never see, in proportions set so that finished episodes come
 * out near the rates NHS Talking Therapies reports for its services (about 50% recovery among
 * cases, about two thirds reliable improvement, 5-8% reliable deterioration); the share dropping
 * out (a quarter) is Cairn's assumption. eval:validity prints the outcomes the data yield.
 */
export const LATENT_CLASSES = {
  IMPROVER: 0.35,
  SLOW_RESPONDER: 0.2,
  NON_RESPONDER: 0.15,
  DETERIORATOR: 0.06,
  DROPOUT: 0.24,
} as const;

/** The deterministic plan of the i-th client: latent class, risk and engagement patterns, start. */
function planClient(
  seed: number,
  index: number,
  therapistId: string,
  windowStartDay: number,
  lastStartDay: number,
): ClientPlan {
  const r = new Rng(deriveSeed(seed, index, 0xc1));
  const archetype = r.weighted(LATENT_CLASSES);
  // Half the caseload was already in therapy when the window opens; the rest join over time.
  const startDay = r.chance(0.55)
    ? windowStartDay + r.int(0, 45)
    : r.int(windowStartDay, Math.max(windowStartDay, lastStartDay));
  return {
    code: `SYN-${String(index + 1).padStart(5, '0')}`,
    displayName: `${r.pick(FIRST_NAMES)} ${r.pick(SURNAME_INITIALS)}.`,
    timezone: r.weighted(TIME_ZONES),
    therapistId,
    userId: null,
    seed: deriveSeed(seed, index, 0x5e),
    startDay: Math.min(startDay, lastStartDay),
    archetype,
    rupture: r.chance(0.12) ? (r.chance(0.6) ? 'REPAIRED' : 'UNREPAIRED') : 'NONE',
    riskItem9: r.chance(0.08),
    moodHelpNow: r.chance(0.02),
    moodDisengage: archetype !== 'DROPOUT' && r.chance(0.08),
    homeworkDisengage: r.chance(0.06),
    missedSessions: archetype !== 'DROPOUT' && r.chance(0.05),
    allowSecondEpisode: true,
  };
}
