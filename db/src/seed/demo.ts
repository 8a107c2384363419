import { evaluateAllianceRupture, evaluateRisk, FLAG_RULE_VERSION } from '@cairn/shared';
import pg from 'pg';
import { BulkLoader, type Json } from '../generate/loader.js';
import { FIRST_NAMES, SURNAME_INITIALS } from '../generate/names.js';
import { Rng, deriveSeed, uuidv7 } from '../generate/random.js';
import {
  simulateClient,
  type Archetype,
  type ClientOutcome,
  type ClientPlan,
  type ResponseRef,
} from '../generate/simulate.js';
import { DAY_MS, isoTime, zone } from '../generate/time.js';
import { refreshClientSummaries, refreshEpisodeOutcomes } from '../rollups.js';
import { hashDemoPassword } from './password.js';

const DEMO_SEED = 20_251_121;

/** Accounts the demo creates; every password is DEMO_PASSWORD ('cairn-demo'). */
export const DEMO_ACCOUNTS = {
  manager: 'manager@demo.cairn.test',
  therapists: ['therapist1@demo.cairn.test', 'therapist2@demo.cairn.test', 'therapist3@demo.cairn.test'],
  client: 'client1@demo.cairn.test',
  harbourTherapist: 'therapist@harbour.demo.cairn.test',
} as const;

type PlanBase = Omit<ClientPlan, 'code' | 'displayName' | 'timezone' | 'therapistId' | 'userId' | 'seed' | 'startDay'>;

const QUIET: PlanBase = {
  archetype: 'IMPROVER',
  rupture: 'NONE',
  riskItem9: false,
  moodHelpNow: false,
  moodDisengage: false,
  homeworkDisengage: false,
  missedSessions: false,
  allowSecondEpisode: false,
};

/** Therapist 1's caseload opens with the stories the dashboard should tell. */
const FEATURED: Readonly<Record<number, PlanBase & { daysAgo: number }>> = {
  1: { ...QUIET, archetype: 'SLOW_RESPONDER', riskAtLatest: true, plannedSessions: 100, daysAgo: 150 },
  2: { ...QUIET, rupture: 'UNREPAIRED', ruptureAtLatest: true, plannedSessions: 100, daysAgo: 120 },
  3: { ...QUIET, rupture: 'REPAIRED', plannedSessions: 100, daysAgo: 175 },
  4: { ...QUIET, archetype: 'DETERIORATOR', plannedSessions: 100, daysAgo: 110 },
  5: { ...QUIET, archetype: 'DROPOUT', daysAgo: 140 },
  6: { ...QUIET, archetype: 'NON_RESPONDER', plannedSessions: 100, daysAgo: 160 },
  7: { ...QUIET, moodDisengage: true, plannedSessions: 100, daysAgo: 130 },
  8: { ...QUIET, homeworkDisengage: true, plannedSessions: 100, daysAgo: 150 },
  9: { ...QUIET, plannedSessions: 8, daysAgo: 178 },
  16: { ...QUIET, rupture: 'REPAIRED', plannedSessions: 100, daysAgo: 170 },
  17: { ...QUIET, missedSessions: true, plannedSessions: 100, daysAgo: 150 },
  30: { ...QUIET, archetype: 'DROPOUT', daysAgo: 100 },
};

const US_ZONES = {
  'America/New_York': 0.45,
  'America/Chicago': 0.25,
  'America/Los_Angeles': 0.2,
  'Europe/London': 0.1,
} as const;

interface Staff {
  practiceId: string;
  therapistIds: string[];
}

/**
 * Seeds the demo practices into an empty database, in one transaction, deterministically for a
 * given `now`: "Riverside Psychology (demo)" (1 manager, 3 therapists, 40 clients, ~6 months of
 * history, client1 with a login) and "Harbour Counselling (demo)" (1 therapist, 5 clients).
 * Returns { seeded: false } without writing when any practice exists. The owner connection must
 * see every practice (superuser or BYPASSRLS) for that check to be meaningful.
 */
export async function seedDemo(ownerUrl: string, opts: { now?: Date } = {}): Promise<{ seeded: boolean }> {
  const nowMs = (opts.now ?? new Date()).getTime();
  const passwordHash = await hashDemoPassword();
  const db = new pg.Client({ connectionString: ownerUrl, application_name: 'cairn-seed' });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('cairn-demo-seed'))`);
    const existing = await db.query(`SELECT 1 FROM practice LIMIT 1`);
    if (existing.rowCount) {
      await db.query('ROLLBACK');
      return { seeded: false };
    }
    const ids = new Rng(deriveSeed(DEMO_SEED, 1));
    await seedRiverside(db, ids, nowMs, passwordHash);
    await seedHarbour(db, ids, nowMs, passwordHash);
    await db.query('COMMIT');
    return { seeded: true };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

async function seedRiverside(db: pg.Client, ids: Rng, nowMs: number, passwordHash: string): Promise<void> {
  const rng = new Rng(deriveSeed(DEMO_SEED, 2));
  const loader = new BulkLoader(db, 'insert');
  const staff = await addPractice(db, loader, ids, {
    name: 'Riverside Psychology (demo)',
    country: 'US',
    createdMs: nowMs - 200 * DAY_MS,
    passwordHash,
    manager: { email: DEMO_ACCOUNTS.manager, name: 'Morgan Ellis' },
    therapists: [
      { email: DEMO_ACCOUNTS.therapists[0], name: 'Dr Maya Patel' },
      { email: DEMO_ACCOUNTS.therapists[1], name: 'Dr Daniel Okafor' },
      { email: DEMO_ACCOUNTS.therapists[2], name: 'Dr Sarah Lindqvist' },
    ],
  });

  const clientUserId = uuidv7(nowMs - 150 * DAY_MS, ids);
  const outcomes = new Map<number, ClientOutcome>();
  const plans = new Map<number, ClientPlan>();
  for (let n = 1; n <= 40; n++) {
    const therapistId = staff.therapistIds[n <= 14 ? 0 : n <= 27 ? 1 : 2]!;
    const displayName = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAME_INITIALS)}.`;
    const timezone = n === 1 ? 'America/New_York' : rng.weighted(US_ZONES);
    const today = zone(timezone).localDay(nowMs);
    const featured = FEATURED[n];
    const base: PlanBase & { daysAgo: number } = featured ?? {
      ...QUIET,
      archetype: rng.weighted<Archetype>({
        IMPROVER: 0.45,
        SLOW_RESPONDER: 0.25,
        NON_RESPONDER: 0.12,
        DETERIORATOR: 0.03,
        DROPOUT: 0.15,
      }),
      plannedSessions: rng.chance(0.5) ? rng.int(8, 14) : undefined,
      daysAgo: rng.int(20, 180),
    };
    const { daysAgo, ...shape } = base;
    const plan: ClientPlan = {
      ...shape,
      code: `RIV-${String(n).padStart(4, '0')}`,
      displayName,
      timezone,
      therapistId,
      userId: n === 1 ? clientUserId : null,
      seed: deriveSeed(DEMO_SEED, n),
      startDay: today - daysAgo,
    };
    if (n === 1) {
      loader.add('app_user', {
        practice_id: staff.practiceId,
        id: clientUserId,
        email: DEMO_ACCOUNTS.client,
        password_hash: passwordHash,
        role: 'CLIENT',
        display_name: displayName,
        created_at: isoTime(nowMs - 150 * DAY_MS),
      });
    }
    plans.set(n, plan);
    outcomes.set(n, simulateClient(plan, { practiceId: staff.practiceId, nowMs, ids, sink: loader }));
  }

  // RIV-0001's latest PHQ-9 endorses item 9: an urgent, open risk flag.
  const first = outcomes.get(1)!;
  const phq = first.latestPhq9;
  if (!phq || phq.answers[8] !== 1) throw new Error('demo seed: RIV-0001 lacks a recent PHQ-9 with item 9 = 1');
  loader.add('flag', {
    practice_id: staff.practiceId,
    id: uuidv7(Date.parse(phq.at), ids),
    client_id: first.clientId,
    kind: 'RISK',
    severity: 'URGENT',
    status: 'OPEN',
    // Evidence in the shared rules' own shape, so the dashboard words it like any engine-raised flag.
    evidence: asJson(
      evaluateRisk({ phq9: { id: phq.id, at: phq.at, total: phq.total, answers: phq.answers }, helpNow: [] })?.evidence,
    ),
    rule_version: FLAG_RULE_VERSION,
    opened_at: phq.at,
    resolved_at: null,
    resolved_by: null,
    resolve_note: null,
    repaired: null,
  });

  // Ruptures: the unrepaired one is open; repaired ones were resolved by the next rating.
  for (const [n, outcome] of outcomes) {
    const therapistId = plans.get(n)!.therapistId;
    for (const { rating, repair } of outcome.ruptures) {
      loader.add('flag', {
        practice_id: staff.practiceId,
        id: uuidv7(Date.parse(rating.at), ids),
        client_id: outcome.clientId,
        kind: 'ALLIANCE_RUPTURE',
        severity: 'HIGH',
        status: repair ? 'RESOLVED' : 'OPEN',
        evidence: allianceEvidence(outcome.alliance, rating),
        rule_version: FLAG_RULE_VERSION,
        opened_at: rating.at,
        resolved_at: repair?.at ?? null,
        resolved_by: repair ? therapistId : null,
        resolve_note: repair ? 'Talked through what was not working; the next rating was back above 36.' : null,
        repaired: repair ? true : null,
      });
    }
  }
  const second = outcomes.get(2)!;
  const last = second.alliance[second.alliance.length - 1];
  if (!last || last.total >= 36 || second.ruptures[0]?.rating.id !== last.id) {
    throw new Error('demo seed: RIV-0002 lacks a latest alliance rating below 36');
  }
  await loader.flush();
  await refreshClientSummaries(db, staff.practiceId);
  await refreshEpisodeOutcomes(db, staff.practiceId);
}

async function seedHarbour(db: pg.Client, ids: Rng, nowMs: number, passwordHash: string): Promise<void> {
  const rng = new Rng(deriveSeed(DEMO_SEED, 3));
  const loader = new BulkLoader(db, 'insert');
  const staff = await addPractice(db, loader, ids, {
    name: 'Harbour Counselling (demo)',
    country: 'GB',
    createdMs: nowMs - 90 * DAY_MS,
    passwordHash,
    manager: null,
    therapists: [{ email: DEMO_ACCOUNTS.harbourTherapist, name: 'Dr Fiona MacLeod' }],
  });
  const today = zone('Europe/London').localDay(nowMs);
  for (let n = 1; n <= 5; n++) {
    simulateClient(
      {
        ...QUIET,
        archetype: rng.pick<Archetype>(['IMPROVER', 'IMPROVER', 'SLOW_RESPONDER']),
        plannedSessions: 100,
        code: `HAR-${String(n).padStart(4, '0')}`,
        displayName: `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAME_INITIALS)}.`,
        timezone: 'Europe/London',
        therapistId: staff.therapistIds[0]!,
        userId: null,
        seed: deriveSeed(DEMO_SEED, 100 + n),
        startDay: today - rng.int(21, 56),
      },
      { practiceId: staff.practiceId, nowMs, ids, sink: loader },
    );
  }
  await loader.flush();
  await refreshClientSummaries(db, staff.practiceId);
  await refreshEpisodeOutcomes(db, staff.practiceId);
}

interface PracticeSpec {
  name: string;
  country: string;
  createdMs: number;
  passwordHash: string;
  manager: { email: string; name: string } | null;
  therapists: { email: string; name: string }[];
}

/** The practice row and its staff; sets app.practice_id for the rest of the transaction. */
async function addPractice(db: pg.Client, loader: BulkLoader, ids: Rng, spec: PracticeSpec): Promise<Staff> {
  const practiceId = uuidv7(spec.createdMs, ids);
  await db.query(`SELECT set_config('app.practice_id', $1, true)`, [practiceId]);
  const created = isoTime(spec.createdMs);
  loader.add('practice', {
    id: practiceId,
    name: spec.name,
    country: spec.country,
    settings: {},
    is_demo: true,
    created_at: created,
  });
  const user = (email: string, name: string, role: 'MANAGER' | 'THERAPIST') => {
    const id = uuidv7(spec.createdMs, ids);
    loader.add('app_user', {
      practice_id: practiceId,
      id,
      email,
      password_hash: spec.passwordHash,
      role,
      display_name: name,
      created_at: created,
    });
    return id;
  };
  if (spec.manager) user(spec.manager.email, spec.manager.name, 'MANAGER');
  return { practiceId, therapistIds: spec.therapists.map((t) => user(t.email, t.name, 'THERAPIST')) };
}

/** What the rupture rule saw: the rating, the client's previous three and which criteria held. */
function allianceEvidence(history: readonly ResponseRef[], rating: ResponseRef): Json {
  const upTo = history.slice(0, history.findIndex((r) => r.id === rating.id) + 1);
  return asJson(evaluateAllianceRupture(upTo.map((r) => ({ id: r.id, at: r.at, answers: r.answers })))?.evidence);
}

/** Evidence is plain data (strings, numbers, arrays): a JSON round trip gives it the loader's type. */
function asJson(evidence: object | undefined): Json {
  return JSON.parse(JSON.stringify(evidence ?? {})) as Json;
}
