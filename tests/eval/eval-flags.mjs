// `npm run eval:flags -- --size S|M|L [--seed 1] [--no-fail] [--examples 3] [--sweep-time 24:00]`
// `npm run eval:validity -- --size S|M|L [--seed 1]` (this script with --validity)
//
// eval:validity asks whether the flags find the clients whose episodes end badly, early: the
// generator draws each client's course from latent classes (db/src/generate/practice.ts), the
// replay never sees the class, and each finished episode's outcome is classified from its own
// scores (NHS Talking Therapies paired scores, @cairn/shared episodeOutcome). See printValidity.
//
// Precision and recall of Cairn's flag engine against the synthetic generator's ground truth.
// 1. Starts a throwaway embedded PostgreSQL, migrates a database and generates a practice (fixed
//    `now`, so a size and seed always give the same data) with its ground-truth file.
// 2. Replays every client's history in time order through the backend's flag policy
//    (backend/src/modules/flag/flag-engine.service.ts): at each write, the kinds that write
//    re-evaluates, with the input FlagEngine.load would read at that moment; the time-based sweep once
//    per client-local day; never two open flags of a kind; open flags cleared by the engine when
//    their condition ends (CLEARS); an observed alliance repair as in FlagService.observeRepair,
//    confirmed by the therapist at the next attended session. The rules themselves are
//    @cairn/shared's evaluateFlags and evaluateClearing.
// 3. Matches flag openings with ground-truth events and prints, per kind,
//    `KIND precision=0.93 recall=0.97 n=123`, then a summary. Exits 1 when a kind misses the target
//    (recall >= 0.9, precision >= 0.8) unless --no-fail.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generatePractice, migrate, startEmbeddedPostgres } from '../../db/dist/index.js';
import {
  DEFAULT_TRAJECTORY_MODELS,
  episodeOutcome,
  evaluateClearing,
  evaluateFlags,
  fitTrajectoryModel,
  FLAG_RULE_VERSION,
  jointOccasions,
  resolveFlagSettings,
  SUBSUMED_BY,
} from '../../shared/dist/index.js';
// The engine's own policy (which kinds each write evaluates, with which data), not a copy of it.
// The backend modules carry Nest decorators, which need reflect-metadata loaded first.
import 'reflect-metadata';
import {
  AFTER,
  CLEAR_PARTS,
  CLEARS,
  restrictInput,
  SWEEP_QUIET_DAYS,
} from '../../backend/dist/modules/flag/flag-engine.service.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const log = (line) => process.stderr.write(`${line}\n`);
const args = parseArguments({
  options: {
    size: { type: 'string', default: 'M' },
    seed: { type: 'string', default: '1' },
    'no-fail': { type: 'boolean', default: false },
    // Concrete misses and false alarms to print per kind (0 = none).
    examples: { type: 'string', default: '3' },
    // Client-local time of the daily sweep; 24:00 = the last moment of the day.
    'sweep-time': { type: 'string', default: '24:00' },
    // Also judge every rule at every evaluation, ignoring open flags, and compare rule by rule.
    diagnose: { type: 'boolean', default: false },
    // Predictive validity instead of conformance (npm run eval:validity).
    validity: { type: 'boolean', default: false },
    // Replay with the practice's own curves, refitted monthly as the sweep would (default for --validity).
    'practice-curves': { type: 'boolean' },
  },
});
const SIZE = args.size.toUpperCase();
const SEED = Number(args.seed);
const EXAMPLES = Number(args.examples);
if (!['S', 'M', 'L'].includes(SIZE)) fail(`--size must be S, M or L, got ${args.size}`);
if (!Number.isInteger(SEED)) fail(`--seed must be a whole number, got ${args.seed}`);
const SWEEP_MINUTE = parseSweepTime(args['sweep-time']);
const DIAGNOSE = args.diagnose;
const PRACTICE_CURVES = args['practice-curves'] ?? args.validity;

/** Fixed end of the generated history, so a size and seed always give the same practice. */
const NOW = new Date('2026-01-15T17:00:00Z');
const TARGET = { recall: 0.9, precision: 0.8 };
const KINDS = ['RISK', 'ALLIANCE_RUPTURE', 'NOT_ON_TRACK', 'DETERIORATION', 'STALLED', 'DISENGAGING'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/**
 * Matching window: an opening matches a ground-truth event of the same client and kind when it lies
 * in [at - before, at + after]. Write-triggered kinds are judged on the write that makes the rule
 * hold (questionnaires of one session are filled in up to 20 h apart, attendance is recorded after
 * the session): one day either side. STALLED and DISENGAGING are also (or only) judged by the daily
 * sweep: one day before (a day-granular rule can hold on the day whose midnight the oracle names) and
 * one day plus the sweep's granularity after.
 */
const TOLERANCE = {
  RISK: { before: DAY, after: DAY },
  ALLIANCE_RUPTURE: { before: DAY, after: DAY },
  NOT_ON_TRACK: { before: DAY, after: DAY },
  DETERIORATION: { before: DAY, after: DAY },
  STALLED: { before: DAY, after: 2 * DAY },
  DISENGAGING: { before: DAY, after: 2 * DAY },
};

/**
 * --diagnose: each engine rule (evidence trigger), the kind that carries it, the input part it reads
 * and the ground-truth criteria it corresponds to.
 */
const RULES = {
  PHQ9_ITEM9: { kind: 'RISK', rules: ['PHQ9_ITEM9'], criteria: ['PHQ9_ITEM9'] },
  HELP_NOW: { kind: 'RISK', rules: ['HELP_NOW'], criteria: ['MOOD_HELP_NOW'] },
  ALLIANCE: {
    kind: 'ALLIANCE_RUPTURE',
    part: 'alliance',
    rules: ['ALLIANCE_TOTAL_LOW', 'ALLIANCE_DROP', 'ALLIANCE_ITEM_DROP'],
    criteria: ['ALLIANCE_TOTAL_BELOW_36', 'ALLIANCE_DROP_3', 'ALLIANCE_ITEM_DROP_3'],
  },
  OFF_TRACK: { kind: 'NOT_ON_TRACK', part: 'scores', rules: ['OFF_TRACK'], criteria: ['BEHIND_EXPECTED_TRAJECTORY'] },
  RELIABLE_DETERIORATION: {
    kind: 'DETERIORATION',
    part: 'scores',
    rules: ['RELIABLE_DETERIORATION'],
    criteria: ['RELIABLE_DETERIORATION'],
  },
  SCORES_FLAT: { kind: 'STALLED', part: 'scores', rules: ['SCORES_FLAT'], criteria: ['NO_RELIABLE_IMPROVEMENT'] },
  MOOD_FLAT_LOW: { kind: 'STALLED', part: 'moods', rules: ['MOOD_FLAT_LOW'], criteria: ['MOOD_FLAT_LOW'] },
  MOOD_GAP: { kind: 'DISENGAGING', part: 'moods', rules: ['MOOD_GAP'], criteria: ['MOOD_STOPPED'] },
  HOMEWORK_LOW: { kind: 'DISENGAGING', part: 'homework', rules: ['HOMEWORK_LOW'], criteria: ['HOMEWORK_LOW'] },
  SESSIONS_MISSED: { kind: 'DISENGAGING', part: 'sessions', rules: ['SESSIONS_MISSED'], criteria: ['SESSIONS_MISSED'] },
};

/** The embedded PostgreSQL and the temporary directories, for shutdown(). */
let server = null;
const temporary = [];
const started = Date.now();
const timings = {};

// ---- Backend policy check ---------------------------------------------------------------------

/** Fails the run when code the replay mirrors (SQL windows, filters) changed in the compiled backend. */
function checkBackendPolicy() {
  const engineFile = join(ROOT, 'backend/dist/modules/flag/flag-engine.service.js');
  const serviceFile = join(ROOT, 'backend/dist/modules/flag/flag.service.js');
  let engine;
  let service;
  try {
    engine = readFileSync(engineFile, 'utf8');
    service = readFileSync(serviceFile, 'utf8');
  } catch {
    fail(`cannot read ${engineFile}: build first (npx tsc -b)`);
  }
  // Tripwires for the behaviour the replay copies from code rather than data: if one of these
  // fragments changes, re-read the backend and update ClientReplay before trusting the numbers.
  const sweepFile = join(ROOT, 'backend/dist/modules/flag/flag-sweep.service.js');
  const sweep = readFileSync(sweepFile, 'utf8');
  const expectations = [
    [
      engine,
      'evaluateFlags(input, settings, models)',
      'FlagEngine.run: practice settings and trajectory models (built-in until the sweep fits the practice curves)',
    ],
    [engine, "written.code === 'PHQ9' ? written : null", 'afterQuestionnaire: RISK from item 9 only for a PHQ-9'],
    [engine, "helpNow.length > 0 ? new Set() : new Set(['RISK'])", 'afterMood: RISK only for "help now"'],
    [engine, 'evaluateRisk({ phq9:', 'FlagEngine.run: RISK judged on what the write brought'],
    [engine, 'evaluateClearing(flag.kind, loaded, settings, models, flag.opened)', 'FlagEngine.run: clear first'],
    [engine, 'const input = restrictInput(loaded, own);', 'FlagEngine.run: raising reads its own parts'],
    [engine, 'ORDER BY (ended_on IS NULL) DESC, started_on DESC LIMIT 1', 'FlagEngine.load: current episode'],
    [engine, 'local_date > $2::date - 90 AND local_date <= $2::date', 'FlagEngine.load: moods of 90 days'],
    [engine, 'local_date >= (SELECT started_on FROM ep)', 'FlagEngine.load: moods and reports of the current episode'],
    [
      engine,
      'local_date > $2::date - 27 AND local_date <= $2::date',
      'FlagEngine.load: homework reports of 27 days (21-day window, weekly reports up to 6 days early)',
    ],
    [
      engine,
      'COALESCE(a.due_on, $2::date) >= $2::date - 20',
      'FlagEngine.load: assignments of the current episode still due in the window',
    ],
    [
      engine,
      "status <> 'SCHEDULED' AND episode_id = (SELECT id FROM ep)",
      'FlagEngine.load: sessions of the current episode',
    ],
    [service, "AND status IN ('OPEN', 'ACKNOWLEDGED') AND opened_at < now()", 'FlagService.observeRepair'],
    [service, 'UPDATE flag f SET repaired = $2 >= line.value', 'FlagService.observeRepair: the concern line'],
    [sweep, "c.status = 'ACTIVE'", 'FlagSweepService: ACTIVE clients only'],
  ];
  for (const [text, fragment, what] of expectations) {
    if (!text.includes(fragment)) fail(`the backend changed (${what}: "${fragment}" not found); update the replay`);
  }
}

// ---- Replay -----------------------------------------------------------------------------------

const CLIENT_BATCH = 250;

async function replayPractice(url) {
  const db = new pg.Client({ connectionString: url, application_name: 'cairn-eval-flags' });
  await db.connect();
  try {
    const practice = (await db.query(`SELECT id, settings FROM practice ORDER BY created_at LIMIT 1`)).rows[0];
    const settings = resolveFlagSettings(practice.settings?.flags ?? {});
    const modelsAt = PRACTICE_CURVES ? await practiceCurves(db) : () => DEFAULT_TRAJECTORY_MODELS;
    const clients = (
      await db.query(
        `SELECT id, therapist_id, timezone, status, created_at FROM client WHERE practice_id = $1 ORDER BY code`,
        [practice.id],
      )
    ).rows;
    const therapists = Number(
      (await db.query(`SELECT count(*) FROM app_user WHERE practice_id = $1 AND role = 'THERAPIST'`, [practice.id]))
        .rows[0].count,
    );
    const openings = [];
    const replays = [];
    const ruleLogs = new Map();
    let evaluations = 0;
    for (let i = 0; i < clients.length; i += CLIENT_BATCH) {
      const batch = clients.slice(i, i + CLIENT_BATCH);
      const rows = await loadBatch(
        db,
        batch.map((c) => c.id),
      );
      for (const client of batch) {
        const replay = new ClientReplay(client, rows.get(client.id), settings, modelsAt);
        replay.run();
        evaluations += replay.evaluations;
        openings.push(...replay.openings);
        replays.push({
          client,
          rows: replay.rows,
          flags: replay.flags,
          isActive: (day) => replay.isActive(day),
          zone: replay.zone,
        });
        if (DIAGNOSE) ruleLogs.set(client.id, replay.ruleLog);
      }
      log(`replayed ${Math.min(i + CLIENT_BATCH, clients.length)}/${clients.length} clients`);
    }
    log(`replay: ${evaluations} engine evaluations, ${openings.length} flags opened`);
    return { openings, ruleLogs, replays, therapists };
  } finally {
    await db.end();
  }
}

/**
 * --practice-curves: the curves the sweep would have fitted (backend practice-trajectories.ts, same
 * query) from the episodes finished by each month's start; the sweep refits daily, the replay
 * monthly. A function from an instant to the models in force then.
 */
async function practiceCurves(db) {
  const rows = (
    await db.query(`SELECT m.instrument_code AS code, e.ended_on,
            json_agg(json_build_object('session', s.number, 'score', m.total) ORDER BY m.submitted_at) AS scores
       FROM measure_response m
       JOIN episode e ON e.practice_id = m.practice_id AND e.id = m.episode_id AND e.ended_on IS NOT NULL
       JOIN therapy_session s ON s.practice_id = m.practice_id AND s.id = m.session_id AND s.number >= 1
      WHERE m.instrument_code IN ('PHQ9', 'GAD7')
      GROUP BY m.instrument_code, m.episode_id, e.ended_on`)
  ).rows.map((r) => ({ ...r, endedDay: dayNumber(r.ended_on) }));
  const byMonth = new Map();
  const fitAt = (monthStart) => {
    const day = Math.floor(monthStart / DAY);
    const fit = (code) =>
      fitTrajectoryModel(
        rows
          .filter((r) => r.code === code && r.endedDay < day)
          .map((r) => ({ baseline: r.scores[0].score, scores: r.scores })),
        code,
      );
    return { PHQ9: fit('PHQ9'), GAD7: fit('GAD7') };
  };
  return (at) => {
    const d = new Date(at);
    const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    let models = byMonth.get(monthStart);
    if (!models) byMonth.set(monthStart, (models = fitAt(monthStart)));
    return models;
  };
}

/** Every row the flag engine reads, for a batch of clients, as owner (bypasses RLS). */
async function loadBatch(db, ids) {
  const q = async (sql) => (await db.query(sql, [ids])).rows;
  // One connection, so one statement after the other.
  const [episodes, sessions, measures, moods, assignments, reports] = await sequence([
    () =>
      q(
        `SELECT id, client_id, started_on, ended_on, created_at FROM episode WHERE client_id = ANY($1) ORDER BY started_on`,
      ),
    () =>
      q(`SELECT id, client_id, episode_id, scheduled_at, number, status, status_recorded_at
         FROM therapy_session WHERE client_id = ANY($1) ORDER BY scheduled_at`),
    () =>
      q(`SELECT id, client_id, episode_id, session_id, instrument_code AS code, answers, total, help_now, submitted_at
         FROM measure_response WHERE client_id = ANY($1) AND instrument_code IN ('PHQ9', 'GAD7', 'ALLIANCE4')
        ORDER BY submitted_at, id`),
    () =>
      q(`SELECT id, client_id, local_date, rating, help_now, created_at FROM mood_entry WHERE client_id = ANY($1)
        ORDER BY local_date`),
    () =>
      q(`SELECT id, client_id, frequency, assigned_on, due_on, created_at FROM homework_assignment
        WHERE client_id = ANY($1) ORDER BY created_at`),
    () =>
      q(`SELECT id, client_id, assignment_id, local_date, status, created_at FROM homework_report WHERE client_id = ANY($1)
        ORDER BY local_date`),
  ]);
  const byClient = new Map(
    ids.map((id) => [id, { episodes: [], sessions: [], measures: [], moods: [], assignments: [], reports: [] }]),
  );
  const add = (table, list, map) => {
    for (const row of list) byClient.get(row.client_id)[table].push(map(row));
  };
  add('episodes', episodes, (r) => ({ ...r, createdAt: ms(r.created_at) }));
  add('sessions', sessions, (r) => ({
    id: r.id,
    episodeId: r.episode_id,
    scheduledAt: ms(r.scheduled_at),
    number: r.number,
    status: r.status,
    // A status is known from the moment it was recorded; until then the session is SCHEDULED.
    recordedAt: r.status === 'SCHEDULED' || r.status_recorded_at === null ? Infinity : ms(r.status_recorded_at),
  }));
  add('measures', measures, (r) => ({
    id: r.id,
    episodeId: r.episode_id,
    sessionId: r.session_id,
    code: r.code,
    answers: r.answers.map(Number),
    total: r.total,
    helpNow: r.help_now,
    at: ms(r.submitted_at),
    iso: r.submitted_at.toISOString(),
  }));
  add('moods', moods, (r) => ({
    id: r.id,
    date: r.local_date,
    day: dayNumber(r.local_date),
    rating: r.rating,
    helpNow: r.help_now,
    at: ms(r.created_at),
  }));
  add('assignments', assignments, (r) => ({
    id: r.id,
    frequency: r.frequency,
    assignedOn: r.assigned_on,
    dueOn: r.due_on,
    assigned: dayNumber(r.assigned_on),
    due: r.due_on === null ? null : dayNumber(r.due_on),
    at: ms(r.created_at),
  }));
  add('reports', reports, (r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    date: r.local_date,
    day: dayNumber(r.local_date),
    status: r.status,
    at: ms(r.created_at),
  }));
  return byClient;
}

async function sequence(thunks) {
  const results = [];
  for (const thunk of thunks) results.push(await thunk());
  return results;
}

/** Event order at one instant: writes first (in this order), the sweep last. */
const ORDER = { attendance: 0, questionnaire: 1, alliance: 2, mood: 3, homework: 4, sweep: 5 };

/**
 * One client's history, replayed through the engine's policy. `openings` records every flag the
 * engine would have opened: { clientId, kind, at, asOf, trigger, evidence, flag }, `flag` being its
 * live state (clearedAt once the engine clears it, resolvedAt once a repair is confirmed).
 */
class ClientReplay {
  constructor(client, rows, settings, modelsAt) {
    this.client = client;
    this.rows = rows;
    this.settings = settings;
    this.modelsAt = modelsAt;
    this.zone = zoneOf(client.timezone);
    this.flags = []; // { kind, openedAt, status, resolvedAt, repaired }
    this.openings = [];
    this.evaluations = 0;
    this.ruleLog = {}; // rule -> [{ at, holds, onset }], with --diagnose
    this.sessionById = new Map(rows.sessions.map((s) => [s.id, s]));
  }

  run() {
    const { rows, zone } = this;
    const events = [];
    for (const m of rows.measures) {
      events.push({ at: m.at, type: m.code === 'ALLIANCE4' ? 'alliance' : 'questionnaire', record: m });
    }
    for (const s of rows.sessions)
      if (s.recordedAt !== Infinity) events.push({ at: s.recordedAt, type: 'attendance', record: s });
    for (const mood of rows.moods) events.push({ at: mood.at, type: 'mood', record: mood });
    for (const r of rows.reports) events.push({ at: r.at, type: 'homework', record: r });
    // The sweep: once per client-local day while the client is ACTIVE (see isActive), at SWEEP_MINUTE.
    const createdAt = ms(this.client.created_at);
    const lastDay = zone.localDay(NOW.getTime());
    for (let day = zone.localDay(createdAt); day <= lastDay; day++) {
      const at = Math.min(zone.at(day, SWEEP_MINUTE) - (SWEEP_MINUTE === 1440 ? 1 : 0), NOW.getTime());
      if (at >= createdAt && this.isActive(day)) events.push({ at, type: 'sweep', day });
    }
    events.sort((a, b) => a.at - b.at || ORDER[a.type] - ORDER[b.type]);
    for (const event of events) this.handle(event);
  }

  /**
   * The sweep reads only ACTIVE clients. The generator stores a client's final status only, and the
   * API has no status change, so the replay assumes: ACTIVE while an episode is open (from client
   * creation on), not ACTIVE after an episode's end date until the next episode starts, and after
   * the last one (DISCHARGED). PAUSED clients (pause date unknown) are treated as ACTIVE.
   */
  isActive(day) {
    for (const ep of this.rows.episodes) {
      const start = dayNumber(ep.started_on);
      const end = ep.ended_on === null ? Infinity : dayNumber(ep.ended_on);
      if (day <= end && (day >= start || ep === this.rows.episodes[0])) return true;
    }
    return false;
  }

  handle(event) {
    switch (event.type) {
      case 'questionnaire':
        // FlagEngine.afterQuestionnaire: RISK from PHQ-9 item 9 only when the new response is a PHQ-9.
        return this.runTrigger(event.at, 'questionnaire', [], event.record.code === 'PHQ9');
      case 'alliance': {
        // FlagEngine.afterAlliance: observeRepair, then the alliance trigger.
        this.observeRepair(event.at, event.record.total);
        const m = event.record;
        const helpNow = m.helpNow ? [{ source: 'RATING_COMMENT', id: m.id, at: m.iso }] : [];
        return this.runTrigger(event.at, 'alliance', helpNow);
      }
      case 'mood': {
        // FlagEngine.afterMood: RISK only when the entry is marked "I need help now"; any entry may clear.
        const mood = event.record;
        if (!mood.helpNow) return this.runTrigger(event.at, 'mood', [], false, new Set(['RISK']));
        return this.runTrigger(event.at, 'mood', [
          { source: 'MOOD_NOTE', id: mood.id, at: new Date(mood.at).toISOString() },
        ]);
      }
      case 'homework':
        return this.runTrigger(event.at, 'homework', []);
      case 'attendance':
        this.confirmRepairs(event.at);
        return this.runTrigger(event.at, 'attendance', []);
      case 'sweep': {
        // FlagEngine.sweepClient: kinds resolved within SWEEP_QUIET_DAYS are left alone.
        const skip = new Set(
          this.flags
            .filter((f) => f.status === 'RESOLVED' && f.resolvedAt > event.at - SWEEP_QUIET_DAYS * DAY)
            .map((f) => f.kind),
        );
        return this.runTrigger(event.at, 'sweep', [], false, skip);
      }
    }
  }

  /** FlagEngine.run. */
  runTrigger(at, trigger, helpNow, riskFromPhq9 = false, skip = new Set()) {
    const wanted = new Set(AFTER[trigger].kinds.filter((k) => !skip.has(k)));
    const clearable = (CLEARS[trigger] ?? []).map((kind) => this.openFlag(kind)).filter(Boolean);
    if (wanted.size === 0 && clearable.length === 0) return;
    // When nothing can clear and every wanted kind already has an open flag, FlagService.raise would
    // open nothing: skip the evaluation (same openings, much faster) unless diagnostics want it.
    if (!DIAGNOSE && clearable.length === 0 && [...wanted].every((kind) => this.unresolved(kind))) return;
    const own = AFTER[trigger].parts;
    const parts = [...new Set([...own, ...clearable.flatMap((f) => CLEAR_PARTS[f.kind])])];
    const loaded = this.load(at, helpNow, parts);
    this.evaluations++;
    for (const flag of clearable) {
      const opened = { at: new Date(flag.openedAt).toISOString(), on: dateOf(this.zone.localDay(flag.openedAt)) };
      if (!evaluateClearing(flag.kind, loaded, this.settings, this.modelsAt(at), opened)) continue;
      flag.status = 'CLEARED';
      flag.clearedAt = at;
    }
    if (wanted.size === 0) return;
    const input = restrictInput(loaded, own);
    const flags = evaluateFlags(input, this.settings, this.modelsAt(at));
    if (DIAGNOSE) this.recordRules(at, trigger, wanted, helpNow, riskFromPhq9, flags);
    for (const flag of flags) {
      if (!wanted.has(flag.kind)) continue;
      let evidence = flag.evidence;
      if (flag.kind === 'RISK' && !riskFromPhq9) {
        const triggers = flag.evidence.triggers.filter((t) => t.rule === 'HELP_NOW');
        if (triggers.length === 0) continue;
        evidence = { ...flag.evidence, triggers };
      }
      this.raise(at, flag.kind, evidence, trigger, input.asOf);
    }
  }

  /** The open (or acknowledged) flag of a kind, if any: neither resolved nor cleared. */
  openFlag(kind) {
    return this.flags.find((f) => f.kind === kind && f.status === 'OPEN') ?? null;
  }

  unresolved(kind) {
    return this.openFlag(kind) !== null;
  }

  /**
   * Diagnostics: whether each rule held at this evaluation, ignoring open flags. A rule counts as
   * judged only when the trigger evaluates its kind and loaded its data.
   */
  recordRules(at, trigger, wanted, helpNow, riskFromPhq9, flags) {
    const parts = AFTER[trigger].parts;
    const held = new Set(
      flags.filter((f) => wanted.has(f.kind)).flatMap((f) => f.evidence.triggers.map((t) => t.rule)),
    );
    for (const [rule, spec] of Object.entries(RULES)) {
      if (!wanted.has(spec.kind)) continue;
      if (spec.part && !parts.includes(spec.part)) continue;
      if (rule === 'PHQ9_ITEM9' && !riskFromPhq9) continue;
      if (rule === 'HELP_NOW' && helpNow.length === 0) continue;
      const holds = spec.rules.some((r) => held.has(r));
      const list = (this.ruleLog[rule] ??= []);
      const previous = list.at(-1);
      list.push({ at, holds, onset: holds && !(previous?.holds ?? false) });
    }
  }

  /** FlagService.raise: nothing when a flag of the kind, or of a kind that subsumes it, is open. */
  raise(at, kind, evidence, trigger, asOf) {
    if (this.unresolved(kind) || (SUBSUMED_BY[kind] ?? []).some((k) => this.unresolved(k))) return;
    const flag = { kind, openedAt: at, status: 'OPEN', resolvedAt: null, clearedAt: null, repaired: null };
    this.flags.push(flag);
    this.openings.push({ clientId: this.client.id, kind, at, asOf, trigger, evidence, flag });
  }

  /**
   * FlagService.observeRepair: a rating after a rupture at or above the concern line is a repair
   * observed (the flag stays open), one below it makes the rupture current again.
   */
  observeRepair(at, total) {
    const target = this.flags
      .filter((f) => f.kind === 'ALLIANCE_RUPTURE' && f.status === 'OPEN' && f.openedAt < at)
      .sort((a, b) => b.openedAt - a.openedAt)[0];
    if (!target) return;
    const repaired = total >= this.settings.allianceTotalBelow;
    if (repaired && !target.repaired) target.repairedAt = at;
    target.repaired = repaired;
  }

  /** No clinician acts in a replay, except this: an observed repair is confirmed at the next attended session. */
  confirmRepairs(at) {
    for (const f of this.flags) {
      if (f.kind !== 'ALLIANCE_RUPTURE' || f.status !== 'OPEN' || !f.repaired || f.repairedAt >= at) continue;
      f.status = 'RESOLVED';
      f.resolvedAt = at;
    }
  }

  /** FlagEngine.load as of `at`: only rows that existed then, with the client's local date then. */
  load(at, helpNow, parts) {
    const { rows } = this;
    const asOfDay = this.zone.localDay(at);
    const asOf = dateOf(asOfDay);
    const has = (part) => parts.includes(part);
    const codes = [...(has('scores') ? ['PHQ9', 'GAD7'] : []), ...(has('alliance') ? ['ALLIANCE4'] : [])];
    const statusAt = (s) => (s.recordedAt <= at ? s.status : 'SCHEDULED');

    // The current episode: an open one first, else the latest started (ORDER BY (ended_on IS NULL)
    // DESC, started_on DESC). An episode exists from created_at; its end is known once the end date
    // has come.
    const existing = rows.episodes.filter((e) => e.createdAt <= at);
    const isOpen = (e) => e.ended_on === null || dayNumber(e.ended_on) >= asOfDay;
    const ep =
      [...existing].sort(
        (a, b) => Number(isOpen(b)) - Number(isOpen(a)) || b.started_on.localeCompare(a.started_on),
      )[0] ?? null;

    const attendedTimes = ep
      ? rows.sessions.filter((s) => s.episodeId === ep.id && statusAt(s) === 'ATTENDED').map((s) => s.scheduledAt)
      : [];
    const measures = ep
      ? rows.measures.filter((m) => m.episodeId === ep.id && m.at <= at && codes.includes(m.code))
      : [];
    const sessionNumber = (m) => {
      const session = m.sessionId ? this.sessionById.get(m.sessionId) : null;
      return session ? session.number : attendedTimes.filter((t) => t <= m.at).length;
    };
    const points = (code) =>
      measures
        .filter((m) => m.code === code)
        .map((m) => ({ id: m.id, at: m.iso, total: m.total, answers: m.answers, sessionNumber: sessionNumber(m) }));

    const moods = has('moods')
      ? rows.moods
          .filter(
            (m) => m.at <= at && m.day > asOfDay - 90 && m.day <= asOfDay && ep && m.day >= dayNumber(ep.started_on),
          )
          .map((m) => ({ date: m.date, rating: m.rating }))
      : [];
    const reports = has('homework')
      ? rows.reports
          .filter(
            (r) => r.at <= at && r.day > asOfDay - 27 && r.day <= asOfDay && ep && r.day >= dayNumber(ep.started_on),
          )
          .map((r) => ({ id: r.id, assignmentId: r.assignmentId, date: r.date, status: r.status }))
      : [];
    // Assignments of the current episode known by `at` and still due in the 21 days ending asOf.
    const tasks =
      has('homework') && ep
        ? rows.assignments
            .filter(
              (a) =>
                a.at <= at &&
                a.assigned <= asOfDay &&
                a.assigned >= dayNumber(ep.started_on) &&
                (a.due ?? asOfDay) >= asOfDay - 20,
            )
            .map((a) => ({ id: a.id, frequency: a.frequency, assignedOn: a.assignedOn, dueOn: a.dueOn }))
        : [];
    const sessions = has('sessions')
      ? rows.sessions
          .filter((s) => statusAt(s) !== 'SCHEDULED' && ep && s.episodeId === ep.id)
          .slice(-8)
          .map((s) => ({ id: s.id, at: new Date(s.scheduledAt).toISOString(), status: s.status }))
      : [];
    return {
      asOf,
      attendedSessions: attendedTimes.length,
      phq9: points('PHQ9'),
      gad7: points('GAD7'),
      helpNow,
      alliance: measures
        .filter((m) => m.code === 'ALLIANCE4')
        .map((m) => ({ id: m.id, at: m.iso, answers: m.answers })),
      moods,
      homework: has('homework') ? { tasks, reports } : null,
      sessions,
    };
  }
}

// ---- Scoring ----------------------------------------------------------------------------------

/** Whether instant `t` lies in the matching window of a ground-truth event of `kind` at `at`. */
function inWindow(kind, at, t) {
  return t >= at - TOLERANCE[kind].before && t <= at + TOLERANCE[kind].after;
}

function groupBy(list, keyOf) {
  const map = new Map();
  for (const item of list) {
    const k = keyOf(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(item);
  }
  return map;
}

function score(events, openings, ruleLogs) {
  for (const e of events) e.atMs = Date.parse(e.at);
  const key = (x) => `${x.clientId}|${x.kind}`;
  const openingsOf = groupBy(openings, key);
  const eventsOf = groupBy(events, key);
  const byKind = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      { n: 0, recalled: 0, strict: 0, openings: 0, tp: 0, misses: [], falseAlarms: [], criteria: {}, rules: {} },
    ]),
  );
  // An opening the engine deferred (SUBSUMED_BY): the event came while a more specific flag was open,
  // and the opening followed when that flag closed, the condition holding all along.
  const closedAt = (f) => f.resolvedAt ?? f.clearedAt;
  const deferred = (o, e) =>
    e.atMs < o.at &&
    (SUBSUMED_BY[o.kind] ?? []).some((kind) =>
      (openingsOf.get(key({ clientId: o.clientId, kind })) ?? []).some(
        (s) =>
          s.at <= e.atMs + TOLERANCE[o.kind].after &&
          closedAt(s.flag) !== null &&
          closedAt(s.flag) >= e.atMs &&
          closedAt(s.flag) <= o.at &&
          closedAt(s.flag) >= o.at - TOLERANCE[o.kind].after,
      ),
    );
  // Precision: an opening is a true positive when a ground-truth event of its client and kind has it
  // in its window, or it was deferred by a more specific flag (above).
  for (const o of openings) {
    const k = byKind[o.kind];
    o.matched = (eventsOf.get(key(o)) ?? []).some((e) => inWindow(o.kind, e.atMs, o.at) || deferred(o, e));
    const rule = o.evidence.triggers.map((t) => t.rule).join('+');
    const r = (k.rules[rule] ??= { openings: 0, tp: 0 });
    k.openings++;
    r.openings++;
    if (o.matched) {
      k.tp++;
      r.tp++;
    } else k.falseAlarms.push(o);
  }
  // Recall: a flag of the kind was open at `at` (flags stay open in a replay, except ruptures
  // resolved by repair), or one opened within the window. "Strict" also asks that an already open
  // flag was itself a true positive, so a false alarm that stays open does not count as catching.
  for (const e of events) {
    const k = byKind[e.kind];
    // A flag of a kind that subsumes this one (SUBSUMED_BY) also catches it: one flag per problem.
    const mine = [e.kind, ...(SUBSUMED_BY[e.kind] ?? [])].flatMap(
      (kind) => openingsOf.get(key({ clientId: e.clientId, kind })) ?? [],
    );
    const openAt = (o) => {
      const closedAt = o.flag.resolvedAt ?? o.flag.clearedAt;
      return o.at <= e.atMs && !(closedAt !== null && closedAt <= e.atMs);
    };
    const hit = mine.some((o) => inWindow(e.kind, e.atMs, o.at) || openAt(o));
    const strict = mine.some((o) => inWindow(e.kind, e.atMs, o.at) || (openAt(o) && o.matched));
    k.n++;
    const c = (k.criteria[e.criterion] ??= { n: 0, recalled: 0, strict: 0, planted: 0, plantedRecalled: 0 });
    c.n++;
    if (e.planted) c.planted++;
    if (strict) {
      k.strict++;
      c.strict++;
    }
    if (hit) {
      k.recalled++;
      c.recalled++;
      if (e.planted) c.plantedRecalled++;
    } else k.misses.push(e);
  }
  for (const kind of KINDS) {
    const k = byKind[kind];
    k.recall = k.n === 0 ? 1 : k.recalled / k.n;
    k.precision = k.openings === 0 ? 1 : k.tp / k.openings;
  }
  return { byKind, eventsOf, openingsOf, rules: ruleLogs.size > 0 ? scoreRules(events, ruleLogs) : null };
}

/**
 * --diagnose: each engine rule on its own against its ground-truth criteria, as if every rule were its
 * own flag that closes when the rule stops holding. Recall: the rule held at an evaluation within the
 * event's window. Precision: onsets of the rule (holds, did not at its previous evaluation) within the
 * window of an event of a matching criterion.
 */
function scoreRules(events, ruleLogs) {
  const result = {};
  for (const [name, spec] of Object.entries(RULES)) {
    const mine = events.filter((e) => spec.criteria.includes(e.criterion));
    const byClient = groupBy(mine, (e) => e.clientId);
    const r = (result[name] = {
      ...spec,
      n: mine.length,
      recalled: 0,
      onsets: 0,
      matched: 0,
      misses: [],
      falseOnsets: [],
    });
    for (const e of mine) {
      const log = ruleLogs.get(e.clientId)?.[name] ?? [];
      if (log.some((x) => x.holds && inWindow(spec.kind, e.atMs, x.at))) r.recalled++;
      else r.misses.push(e);
    }
    for (const [clientId, log] of ruleLogs) {
      for (const x of log[name] ?? []) {
        if (!x.onset) continue;
        r.onsets++;
        if ((byClient.get(clientId) ?? []).some((e) => inWindow(spec.kind, e.atMs, x.at))) r.matched++;
        else r.falseOnsets.push({ clientId, at: x.at });
      }
    }
  }
  return result;
}

function printSummary(result, truth) {
  const { byKind, eventsOf, openingsOf, rules } = result;
  const sum = (field) => KINDS.reduce((total, kind) => total + byKind[kind][field], 0);
  const ratio = (a, b) => (b === 0 ? '-' : (a / b).toFixed(2));
  console.log('');
  console.log(
    `summary: size ${SIZE}, seed ${SEED}, now ${NOW.toISOString()}, ${truth.clients.length} clients; ${sum('n')} ground-truth events, ${sum('openings')} flags opened by the replay, ${sum('tp')} of them matched; rule version ${FLAG_RULE_VERSION}`,
  );
  console.log(
    'ground truth: each default rule as written, applied by the generator to the rows it wrote; "planted" events come from a client built to show the pattern (archetype or plan), the rest hold incidentally',
  );
  console.log(
    `matching: an opening matches an event of its client and kind within [at - 1 d, at + 1 d] (RISK, ALLIANCE_RUPTURE, NOT_ON_TRACK, DETERIORATION) or [at - 1 d, at + 2 d] (STALLED, DISENGAGING; daily sweep at ${args['sweep-time']} client-local); an event is also recalled while a flag of its kind, or of a kind that subsumes it (STALLED by NOT_ON_TRACK or DETERIORATION, NOT_ON_TRACK by DETERIORATION), is open; an opening deferred by such a flag matches the event it was deferred from`,
  );
  for (const kind of KINDS) {
    const k = byKind[kind];
    const criteria = Object.entries(k.criteria)
      .map(([name, c]) => `${name} ${c.recalled}/${c.n} (planted ${c.plantedRecalled}/${c.planted})`)
      .join(', ');
    const openedBy = Object.entries(k.rules)
      .map(([name, r]) => `${name} ${r.tp}/${r.openings}`)
      .join(', ');
    console.log(
      `  ${kind}: strict recall ${ratio(k.strict, k.n)} (open flag must itself have matched); recalled by criterion ${criteria || '-'}; matched openings by rule ${openedBy || '-'}`,
    );
  }
  const clientInfo = new Map(truth.clients.map((c) => [c.clientId, c]));
  const who = (clientId) => {
    const c = clientInfo.get(clientId);
    return c ? `${c.code} (${c.archetype}, ${c.status}, ${c.timezone})` : clientId;
  };
  const when = (msValue) => new Date(msValue).toISOString().slice(0, 16) + 'Z';
  if (rules) {
    console.log('');
    console.log('rule by rule, ignoring open flags (--diagnose): recall of the criteria, matched onsets of the rule');
    for (const [name, r] of Object.entries(rules)) {
      console.log(
        `  ${name} vs ${r.criteria.join('|')}: recall ${ratio(r.recalled, r.n)} (${r.recalled}/${r.n}), precision ${ratio(r.matched, r.onsets)} (${r.matched}/${r.onsets})`,
      );
      for (const e of pick(r.misses, EXAMPLES)) {
        console.log(
          `    rule did not hold: ${e.criterion} ${who(e.clientId)} at ${when(e.atMs)} ${JSON.stringify(e.detail ?? {})}`,
        );
      }
      for (const x of pick(r.falseOnsets, EXAMPLES))
        console.log(`    unmatched onset: ${who(x.clientId)} at ${when(x.at)}`);
    }
  }
  if (EXAMPLES <= 0) return;
  const nearestOpening = (e) => {
    const list = openingsOf.get(`${e.clientId}|${e.kind}`) ?? [];
    if (list.length === 0) return 'the replay never opened this kind for the client';
    const o = list.reduce((best, x) => (Math.abs(x.at - e.atMs) < Math.abs(best.at - e.atMs) ? x : best));
    return `nearest opening ${when(o.at)} (${days(o.at - e.atMs)}) by ${o.trigger}: ${brief(o.evidence)}`;
  };
  const nearestEvent = (o) => {
    const list = eventsOf.get(`${o.clientId}|${o.kind}`) ?? [];
    if (list.length === 0) return 'no ground-truth event of this kind for the client';
    const e = list.reduce((best, x) => (Math.abs(x.atMs - o.at) < Math.abs(best.atMs - o.at) ? x : best));
    return `nearest truth ${e.criterion} at ${when(e.atMs)} (${days(e.atMs - o.at)})`;
  };
  console.log('');
  console.log(`examples (up to ${EXAMPLES} per kind; --examples N):`);
  for (const kind of KINDS) {
    const k = byKind[kind];
    for (const e of pick(k.misses, EXAMPLES)) {
      console.log(
        `  MISS ${kind} ${e.criterion}${e.planted ? ' planted' : ''} ${who(e.clientId)} at ${when(e.atMs)} ${JSON.stringify(e.detail ?? {})}; ${nearestOpening(e)}`,
      );
    }
    for (const o of pick(k.falseAlarms, EXAMPLES)) {
      console.log(
        `  FALSE ${kind} ${who(o.clientId)} opened ${when(o.at)} (asOf ${o.asOf}) by ${o.trigger}: ${brief(o.evidence)}; ${nearestEvent(o)}`,
      );
    }
  }
}

/** Evenly spread picks, so examples are not all from the first clients. */
function pick(list, count) {
  if (list.length <= count) return list;
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);
}

/** The evidence without record ids and item texts, short enough for one line. */
function brief(evidence) {
  return evidence.triggers
    .map((t) => {
      const { rule, ...rest } = t;
      const keep = Object.entries(rest)
        .filter(
          ([name, value]) =>
            !['response', 'rating', 'record', 'responses', 'baselineResponse', 'itemText', 'sessions'].includes(name) &&
            typeof value !== 'object',
        )
        .map(([name, value]) => `${name}=${typeof value === 'number' ? Math.round(value * 100) / 100 : value}`);
      if (Array.isArray(rest.recentScores)) keep.push(`recent=${rest.recentScores.join('/')}`);
      if (Array.isArray(rest.sessions)) keep.push(`sessions=${rest.sessions.map((s) => s.status).join('/')}`);
      return `${rule}(${keep.join(' ')})`;
    })
    .join(' + ');
}

// ---- Alert budget -----------------------------------------------------------------------------

/** DESIGN.md "Flags": mean share of active clients with an open non-RISK flag, and no kind alone above. */
const BUDGET = { meanShare: 0.15, kindShare: 0.08 };
/** Month ends measured: the last 12 of the history (the first year fills the caseload up). */
const BUDGET_MONTHS = 12;

/** A replayed flag is open at `t` from its opening until it is resolved (repair confirmed) or cleared. */
function openAt(flag, t) {
  const closedAt = flag.resolvedAt ?? flag.clearedAt ?? null;
  return flag.openedAt <= t && !(closedAt !== null && closedAt <= t);
}

/**
 * The alert burden the replay leaves on therapists: at each of the last 12 month ends, the share of
 * active clients (ACTIVE as the sweep reads it, see ClientReplay.isActive) with an open non-RISK
 * flag, overall and per kind; and flags opened per therapist per week over the same 12 months. No
 * clinician acts in a replay: a flag closes only when the engine clears it or (ALLIANCE_RUPTURE)
 * when the therapist confirms an observed repair, assumed at the client's next attended session.
 */
function alertBudget(replays, therapists, counted = KINDS.filter((k) => k !== 'RISK')) {
  const end = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), 1)).getTime();
  const monthEnds = [];
  for (let i = BUDGET_MONTHS; i >= 1; i--) {
    const d = new Date(end);
    d.setUTCMonth(d.getUTCMonth() - i + 1);
    monthEnds.push(d.getTime() - 1);
  }
  const nonRisk = counted;
  const samples = monthEnds.map((t) => {
    let active = 0;
    let flagged = 0;
    const byKind = Object.fromEntries(nonRisk.map((k) => [k, 0]));
    for (const r of replays) {
      if (ms(r.client.created_at) > t || !r.isActive(r.zone.localDay(t))) continue;
      active++;
      const open = new Set(r.flags.filter((f) => nonRisk.includes(f.kind) && openAt(f, t)).map((f) => f.kind));
      if (open.size > 0) flagged++;
      for (const kind of open) byKind[kind]++;
    }
    const share = (n) => (active === 0 ? 0 : n / active);
    return { t, active, share: share(flagged), byKind: Object.fromEntries(nonRisk.map((k) => [k, share(byKind[k])])) };
  });
  const stats = (values) => ({ mean: values.reduce((a, b) => a + b, 0) / values.length, max: Math.max(...values) });
  const from = monthEnds[0] - (monthEnds[1] - monthEnds[0]);
  const to = monthEnds.at(-1);
  const weeks = (to - from) / (7 * DAY);
  const opened = (kinds) =>
    replays.reduce(
      (n, r) => n + r.flags.filter((f) => kinds.includes(f.kind) && f.openedAt > from && f.openedAt <= to).length,
      0,
    );
  return {
    months: monthEnds.length,
    from,
    to,
    activeMean: stats(samples.map((s) => s.active)).mean,
    share: stats(samples.map((s) => s.share)),
    byKind: Object.fromEntries(nonRisk.map((k) => [k, stats(samples.map((s) => s.byKind[k]))])),
    perTherapistWeek: {
      all: opened(KINDS) / therapists / weeks,
      nonRisk: opened(nonRisk) / therapists / weeks,
      byKind: Object.fromEntries(KINDS.map((k) => [k, opened([k]) / therapists / weeks])),
    },
  };
}

function printBudget(b) {
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  console.log('');
  console.log(
    `alert budget: ${b.months} month ends ${new Date(b.from).toISOString().slice(0, 7)}..${new Date(b.to).toISOString().slice(0, 7)}, ${Math.round(b.activeMean)} active clients on average; no clinician action except confirming an observed repair at the next attended session`,
  );
  console.log(
    `  expected-trajectory curves: ${PRACTICE_CURVES ? "the practice's own once a band has 30 finished episodes, refitted monthly" : "built-in only (--practice-curves: the practice's own, as the sweep fits them)"}`,
  );
  console.log(
    `  share of active clients with an open non-RISK flag: mean ${pct(b.share.mean)} max ${pct(b.share.max)} (target mean <= ${pct(BUDGET.meanShare)})`,
  );
  for (const [kind, s] of Object.entries(b.byKind)) {
    console.log(`  ${kind}: mean ${pct(s.mean)} max ${pct(s.max)} (target <= ${pct(BUDGET.kindShare)})`);
  }
  const w = b.perTherapistWeek;
  console.log(
    `  flags opened per therapist per week: ${w.all.toFixed(2)} (non-RISK ${w.nonRisk.toFixed(2)}; ${Object.entries(
      w.byKind,
    )
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ')})`,
  );
  const over = Object.entries(b.byKind)
    .filter(([, s]) => s.mean > BUDGET.kindShare)
    .map(([k]) => k);
  console.log(
    b.share.mean <= BUDGET.meanShare && over.length === 0
      ? 'alert budget met'
      : `alert budget not met${b.share.mean > BUDGET.meanShare ? ` (mean share ${pct(b.share.mean)})` : ''}${over.length ? ` (kinds above ${pct(BUDGET.kindShare)}: ${over.join(', ')})` : ''}`,
  );
}

// ---- Predictive validity (--validity) ------------------------------------------------------------

/** The flags that say "this course is going badly" (DESIGN.md "Flags": predictive validity). */
const OUTCOME_KINDS = ['NOT_ON_TRACK', 'DETERIORATION', 'STALLED'];
/** Issue targets; the anchor is the OQ-45 signal system (Hannan et al. 2005): 85% of eventual deteriorators by session 3. */
const VALIDITY_TARGET = { beforeLast: 0.85, medianLead: 2, alertShare: 0.15 };

/**
 * Each finished episode (ended by `now`, >= 2 attended sessions, paired scores) is classified from
 * its own scores; a bad outcome is reliable deterioration or no reliable improvement. An episode
 * counts as flagged when a NOT_ON_TRACK, DETERIORATION or STALLED flag of the client opened between
 * its start and a given moment: "by session k" = before attended session k + 1 was held (the
 * therapist can act on it there), "before the last session" = before the last attended session.
 * Lead time: attended sessions held after the first such flag.
 */
function validity(replays, truth) {
  const archetype = new Map(truth.clients.map((c) => [c.clientId, c.archetype]));
  const nowDay = Math.floor(NOW.getTime() / DAY);
  const episodes = [];
  for (const r of replays) {
    const { rows } = r;
    for (const ep of rows.episodes) {
      if (ep.ended_on === null || dayNumber(ep.ended_on) > nowDay) continue;
      const attended = rows.sessions
        .filter((s) => s.episodeId === ep.id && s.status === 'ATTENDED')
        .sort((a, b) => a.scheduledAt - b.scheduledAt);
      const responses = rows.measures
        .filter((m) => m.episodeId === ep.id && (m.code === 'PHQ9' || m.code === 'GAD7'))
        .map((m) => ({
          instrumentCode: m.code,
          total: m.total,
          sessionId: m.sessionId,
          localDate: dateOf(r.zone.localDay(m.at)),
        }));
      const outcome = episodeOutcome({ attendedSessions: attended.length, paired: jointOccasions(responses).paired });
      if (!outcome.finished) continue;
      const start = r.zone.at(dayNumber(ep.started_on), 0);
      const last = attended.at(-1).scheduledAt;
      const first = r.flags
        .filter((f) => OUTCOME_KINDS.includes(f.kind) && f.openedAt >= start && f.openedAt < last)
        .reduce((min, f) => Math.min(min, f.openedAt), Infinity);
      const before = (k) => (k < attended.length ? first < attended[k].scheduledAt : first < last);
      episodes.push({
        archetype: archetype.get(r.client.id),
        outcome,
        bad: outcome.reliableDeterioration || !outcome.reliableImprovement,
        flagged: first < Infinity,
        by3: before(3),
        by6: before(6),
        lead: first < Infinity ? attended.filter((s) => s.scheduledAt > first).length : null,
      });
    }
  }
  return episodes;
}

function printValidity(episodes, replays, therapists) {
  const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const count = (list, test) => list.filter(test).length;
  const n = episodes.length;
  const atCase = episodes.filter((e) => e.outcome.caseness);
  console.log(`predictive validity: size ${SIZE}, seed ${SEED}, ${n} finished episodes with paired scores`);
  console.log(
    `  outcomes: recovery ${pct(
      count(atCase, (e) => e.outcome.recovery),
      atCase.length,
    )} of ${atCase.length} at caseness; reliable improvement ${pct(
      count(episodes, (e) => e.outcome.reliableImprovement),
      n,
    )}; reliable deterioration ${pct(
      count(episodes, (e) => e.outcome.reliableDeterioration),
      n,
    )}`,
  );
  const classes = [...new Set(episodes.map((e) => e.archetype))].sort();
  console.log(
    `  latent classes (never seen by the rules): ${classes
      .map((c) => {
        const mine = episodes.filter((e) => e.archetype === c);
        return `${c} ${mine.length} (bad ${pct(
          count(mine, (e) => e.bad),
          mine.length,
        )}, flagged ${pct(
          count(mine, (e) => e.flagged),
          mine.length,
        )})`;
      })
      .join(', ')}`,
  );
  const bad = episodes.filter((e) => e.bad);
  const deteriorated = episodes.filter((e) => e.outcome.reliableDeterioration);
  const leads = bad
    .filter((e) => e.flagged)
    .map((e) => e.lead)
    .sort((a, b) => a - b);
  const median = leads.length === 0 ? null : leads[Math.floor((leads.length - 1) / 2)];
  const flagged = episodes.filter((e) => e.flagged);
  const share = alertBudget(replays, therapists, OUTCOME_KINDS);
  const line = (label, list) =>
    `  ${label} (${list.length}): flagged by session 3 ${pct(
      count(list, (e) => e.by3),
      list.length,
    )}, by session 6 ${pct(
      count(list, (e) => e.by6),
      list.length,
    )}, before the last session ${pct(
      count(list, (e) => e.flagged),
      list.length,
    )}`;
  console.log(line('ended with reliable deterioration or without reliable improvement', bad));
  console.log(line('of them, reliable deterioration', deteriorated));
  console.log(`  median lead time: ${median ?? '-'} sessions (attended sessions after the first flag)`);
  console.log(
    `  positive predictive value: ${pct(
      count(flagged, (e) => e.bad),
      flagged.length,
    )} of ${flagged.length} flagged episodes ended badly`,
  );
  console.log(
    `  alert share: ${pct(share.share.mean, 1)} of active clients had an open NOT_ON_TRACK, DETERIORATION or STALLED flag at a month end (mean; max ${pct(share.share.max, 1)}); ${pct(flagged.length, n)} of finished episodes were flagged at some point`,
  );
  const beforeLast = bad.length === 0 ? 1 : count(bad, (e) => e.flagged) / bad.length;
  const met =
    beforeLast >= VALIDITY_TARGET.beforeLast &&
    (median ?? 0) >= VALIDITY_TARGET.medianLead &&
    share.share.mean <= VALIDITY_TARGET.alertShare;
  console.log(
    `  targets (>= ${pct(VALIDITY_TARGET.beforeLast, 1)} before the last session, median lead >= ${VALIDITY_TARGET.medianLead}, alert share <= ${pct(VALIDITY_TARGET.alertShare, 1)}): ${met ? 'met' : 'not met'}`,
  );
  return met;
}

// ---- Time ------------------------------------------------------------------------------------

/** A client's time zone: local calendar days (days since 1970-01-01) and local wall-clock instants. */
function zoneOf(name) {
  zoneOf.cache ??= new Map();
  let zone = zoneOf.cache.get(name);
  if (zone) return zone;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map();
  // Local minus UTC in ms at an instant; offsets change on whole UTC hours in every zone used here.
  const offset = (instant) => {
    const hour = Math.floor(instant / HOUR);
    let value = offsets.get(hour);
    if (value === undefined) {
      const probe = hour * HOUR;
      const parts = {};
      for (const part of format.formatToParts(probe))
        if (part.type !== 'literal') parts[part.type] = Number(part.value);
      value = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - probe;
      offsets.set(hour, value);
    }
    return value;
  };
  zone = {
    localDay: (instant) => Math.floor((instant + offset(instant)) / DAY),
    /** The instant of local wall-clock minute `minute` (0-1440) of local day `day`. */
    at: (day, minute) => {
      const wall = day * DAY + minute * MINUTE;
      let instant = wall - offset(wall);
      instant = wall - offset(instant);
      return instant;
    },
  };
  zoneOf.cache.set(name, zone);
  return zone;
}

function dayNumber(date) {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

function dateOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function ms(value) {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

function days(delta) {
  const d = delta / DAY;
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)} d`;
}

function seconds(msValue) {
  return `${(msValue / 1000).toFixed(1)} s`;
}

function parseSweepTime(text) {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minute >= 0 && minute <= 1440)) fail(`--sweep-time must be HH:MM from 00:00 to 24:00, got ${text}`);
  return minute;
}

/** parseArgs, with a usage error instead of a stack trace for an unknown or malformed option. */
function parseArguments(config) {
  try {
    return parseArgs(config).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(message) {
  log(`eval:flags: ${message}`);
  process.exit(2);
}

async function shutdown() {
  const s = server;
  server = null;
  try {
    await s?.stop();
  } catch (error) {
    log(`stopping PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Generates, replays and scores; resolves to the exit code. */
async function main() {
  checkBackendPolicy();

  // ---- 1. Generate ------------------------------------------------------------------------------
  pg.types.setTypeParser(1082, (text) => text); // date columns stay 'YYYY-MM-DD'
  const work = mkdtempSync(join(tmpdir(), 'cairn-eval-flags-'));
  // Its own directory, as in tests/support/global-setup.mjs: as root, PostgreSQL runs as another user.
  const pgDir = mkdtempSync(join(tmpdir(), 'cairn-eval-pg-'));
  temporary.push(work, pgDir);
  const truthPath = join(work, 'ground-truth.json');
  process.once('SIGINT', () => void shutdown().finally(() => process.exit(130)));

  let exitCode = 0;
  try {
    let phase = Date.now();
    server = await startEmbeddedPostgres({ dataDir: pgDir, persistent: false });
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE cairn_eval');
    await admin.end();
    const url = server.urlFor('cairn_eval');
    await migrate(url, 'cairn-eval-app');
    timings.database = Date.now() - phase;

    phase = Date.now();
    let shown = -1;
    const generated = await generatePractice(url, {
      size: SIZE,
      seed: SEED,
      now: NOW,
      groundTruthPath: truthPath,
      onProgress: (done, total, label) => {
        const percent = Math.floor((100 * done) / total / 10) * 10;
        if (label !== 'clients' || percent === shown) return;
        shown = percent;
        log(`generating ${SIZE} seed ${SEED}: ${percent}% (${done}/${total} clients)`);
      },
    });
    timings.generate = Date.now() - phase;
    log(`generated in ${seconds(timings.generate)}: ${JSON.stringify(generated.counts)}`);
    const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
    if (truth.format !== 'cairn-ground-truth/1') throw new Error(`unexpected ground-truth format ${truth.format}`);

    // ---- 2. Replay ------------------------------------------------------------------------------
    phase = Date.now();
    const { openings, ruleLogs, replays, therapists } = await replayPractice(url);
    timings.replay = Date.now() - phase;

    if (args.validity) {
      printValidity(validity(replays, truth), replays, therapists);
      console.log(`elapsed ${seconds(Date.now() - started)}`);
      return 0;
    }

    // ---- 3. Score -------------------------------------------------------------------------------
    const result = score(truth.events, openings, ruleLogs);
    for (const kind of KINDS) {
      const k = result.byKind[kind];
      console.log(`${kind} precision=${k.precision.toFixed(2)} recall=${k.recall.toFixed(2)} n=${k.n}`);
    }
    printSummary(result, truth);
    printBudget(alertBudget(replays, therapists));
    const missed = KINDS.filter(
      (kind) => result.byKind[kind].recall < TARGET.recall || result.byKind[kind].precision < TARGET.precision,
    );
    console.log(
      missed.length === 0
        ? `all kinds meet recall >= ${TARGET.recall} and precision >= ${TARGET.precision}`
        : `below target (recall >= ${TARGET.recall}, precision >= ${TARGET.precision}): ${missed.join(', ')}`,
    );
    console.log(
      `elapsed ${seconds(Date.now() - started)} (database ${seconds(timings.database)}, generate ${seconds(timings.generate)}, replay ${seconds(timings.replay)})`,
    );
    if (missed.length > 0 && !args['no-fail']) exitCode = 1;
  } catch (error) {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    exitCode = 2;
  } finally {
    await shutdown();
  }
  return exitCode;
}

process.exit(await main());
