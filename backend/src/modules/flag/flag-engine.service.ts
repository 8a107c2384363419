import { Injectable } from '@nestjs/common';
import {
  evaluateClearing,
  evaluateFlags,
  evaluateRisk,
  FLAG_RULE_VERSION,
  resolveFlagSettings,
  type AnyFlag,
  type ClearableKind,
  type FlagOpened,
  type ClientFlagInput,
  type FlagKind as RuleKind,
  type FlagSettings,
  type HelpNowMark,
  type HomeworkSchedule,
  type ScorePoint,
  type TrajectoryModels,
} from '@cairn/shared';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import type { VisibleClient } from '../client/client-access.service.js';
import { FlagService } from './flag.service.js';
import { PRACTICE_TRAJECTORY_MODELS_SQL, practiceTrajectoryModels } from './practice-trajectories.js';
import { FlagKind } from './flag.types.js';

/** Which rules a kind of write can change, and the data those rules read. */
export type Part = 'scores' | 'alliance' | 'moods' | 'homework' | 'sessions';
/** Exported for the flag evaluation replay (tests/eval), which must follow the same policy. */
export const AFTER = {
  questionnaire: { kinds: ['RISK', 'NOT_ON_TRACK', 'DETERIORATION', 'STALLED'], parts: ['scores'] },
  // A questionnaire outside an open episode (no course of treatment is running), or a help request with
  // nothing else to record: only RISK.
  riskOnly: { kinds: ['RISK'], parts: [] },
  alliance: { kinds: ['RISK', 'ALLIANCE_RUPTURE'], parts: ['alliance'] },
  // Mood and homework patterns (flat low mood, gaps, low adherence) are time-based: the sweep reads them.
  mood: { kinds: ['RISK'], parts: [] },
  homework: { kinds: [], parts: [] },
  attendance: { kinds: ['DISENGAGING', 'STALLED'], parts: ['scores', 'sessions'] },
  sweep: { kinds: ['STALLED', 'DISENGAGING'], parts: ['scores', 'moods', 'homework', 'sessions'] },
  all: {
    kinds: ['RISK', 'ALLIANCE_RUPTURE', 'NOT_ON_TRACK', 'DETERIORATION', 'STALLED', 'DISENGAGING'],
    parts: ['scores', 'alliance', 'moods', 'homework', 'sessions'],
  },
} as const satisfies Record<string, { kinds: readonly RuleKind[]; parts: readonly Part[] }>;
type Trigger = keyof typeof AFTER;

/**
 * Which open flags a kind of write may clear, because their condition can stop holding then, and the
 * data each clearing rule reads (DESIGN.md "Flags": the engine clears NOT_ON_TRACK, STALLED and
 * DISENGAGING, never RISK or DETERIORATION). Exported for the replay (tests/eval) as well.
 */
export const CLEARS: Readonly<Partial<Record<Trigger, readonly ClearableKind[]>>> = {
  questionnaire: ['NOT_ON_TRACK', 'STALLED'],
  attendance: ['DISENGAGING'],
  mood: ['DISENGAGING'],
  homework: ['DISENGAGING'],
  sweep: ['STALLED', 'DISENGAGING'],
  all: ['NOT_ON_TRACK', 'STALLED', 'DISENGAGING'],
};
export const CLEAR_PARTS: Readonly<Record<ClearableKind, readonly Part[]>> = {
  NOT_ON_TRACK: ['scores'],
  STALLED: ['scores'],
  DISENGAGING: ['moods', 'homework', 'sessions'],
};

/** The client's input with only `parts` in it: raising reads what its trigger reads, whatever clearing loaded. */
export function restrictInput(input: ClientFlagInput, parts: readonly Part[]): ClientFlagInput {
  const has = (part: Part) => parts.includes(part);
  return {
    ...input,
    phq9: has('scores') ? input.phq9 : [],
    gad7: has('scores') ? input.gad7 : [],
    alliance: has('alliance') ? input.alliance : [],
    moods: has('moods') ? input.moods : [],
    homework: has('homework') ? input.homework : null,
    sessions: has('sessions') ? input.sessions : [],
  };
}

/** The questionnaire response just written, for the item-9 check. */
export interface WrittenScore extends ScorePoint {
  code: string;
  episodeId: string | null;
}

/** After a flag is resolved, the periodic sweep leaves that kind alone for this long. */
export const SWEEP_QUIET_DAYS = 14;

interface LoadedRow {
  settings: { flags?: Partial<FlagSettings> } | null;
  /** The practice's own curves, fitted by the sweep; null until then. */
  models: Partial<TrajectoryModels> | null;
  attended: number;
  measures: { id: string; at: string; code: string; total: number; answers: number[]; sessionNumber: number | null }[];
  moods: { date: string; rating: number }[];
  homework: { id: string; assignmentId: string; date: string; status: 'DONE' | 'PARTIAL' | 'NOT_DONE' }[];
  assignments: HomeworkSchedule[];
  sessions: { id: string; at: string; status: 'ATTENDED' | 'CANCELLED' | 'NO_SHOW' | 'SCHEDULED' }[];
}

/**
 * The statement that loads a client's rule inputs, with only the parts a trigger needs. One text per
 * combination of parts (a handful), so each stays a prepared statement whose plan PostgreSQL can
 * reuse; flags in place of the parts would make it plan every call again to prune them.
 * $1 client, $2 the client's today. The instruments read follow from the parts, so they are literals.
 */
const loadSqlCache = new Map<string, string>();
function loadSql(parts: readonly Part[]): string {
  const key = [...parts].sort().join(',');
  let sql = loadSqlCache.get(key);
  if (sql) return sql;
  const has = (part: Part) => parts.includes(part);
  // A part the trigger does not read is an empty list, not a query.
  const when = (part: Part, query: string) => (has(part) ? query : `'[]'::json`);
  // NULL when neither scores nor alliance are read: IN (NULL) matches nothing.
  const codes =
    [...(has('scores') ? ["'PHQ9'", "'GAD7'"] : []), ...(has('alliance') ? ["'ALLIANCE4'"] : [])].join(', ') || 'NULL';
  sql = `WITH ep AS (
         SELECT id, started_on FROM episode WHERE client_id = $1 ORDER BY (ended_on IS NULL) DESC, started_on DESC LIMIT 1
       ), attended AS (
         SELECT s.scheduled_at FROM therapy_session s JOIN ep ON s.episode_id = ep.id WHERE s.status = 'ATTENDED'
       )
       -- $2 is named here too, so it has a type even when no part below reads it.
       SELECT $2::date AS "asOf",
         (SELECT settings FROM practice WHERE id = cairn_current_practice()) AS settings,
         ${has('scores') ? PRACTICE_TRAJECTORY_MODELS_SQL : 'NULL::jsonb'} AS models,
         (SELECT count(*)::int FROM attended) AS attended,
         (SELECT COALESCE(json_agg(json_build_object('id', m.id, 'at', m.submitted_at, 'code', m.instrument_code,
                   'total', m.total, 'answers', m.answers,
                   'sessionNumber', COALESCE(s.number, (SELECT count(*) FROM attended a WHERE a.scheduled_at <= m.submitted_at)))
                   ORDER BY m.submitted_at), '[]')
            FROM measure_response m JOIN ep ON m.episode_id = ep.id
            LEFT JOIN therapy_session s ON s.practice_id = m.practice_id AND s.id = m.session_id
           WHERE m.client_id = $1 AND m.instrument_code IN (${codes})) AS measures,
         ${when(
           'moods',
           `(SELECT COALESCE(json_agg(json_build_object('date', local_date, 'rating', rating) ORDER BY local_date), '[]')
            FROM mood_entry WHERE client_id = $1 AND local_date > $2::date - 90 AND local_date <= $2::date
             AND local_date >= (SELECT started_on FROM ep))`,
         )} AS moods,
         ${when(
           'homework',
           `(SELECT COALESCE(json_agg(json_build_object('id', id, 'assignmentId', assignment_id, 'date', local_date, 'status', status) ORDER BY local_date), '[]')
            FROM homework_report WHERE client_id = $1 AND local_date > $2::date - 27 AND local_date <= $2::date
             AND local_date >= (SELECT started_on FROM ep))`,
         )} AS homework,
         ${when(
           'homework',
           `(SELECT COALESCE(json_agg(json_build_object('id', a.id, 'frequency', a.frequency, 'assignedOn', a.assigned_on, 'dueOn', a.due_on)), '[]')
            FROM homework_assignment a WHERE a.client_id = $1 AND a.assigned_on <= $2::date
             AND a.assigned_on >= (SELECT started_on FROM ep)
             AND COALESCE(a.due_on, $2::date) >= $2::date - 20)`,
         )} AS assignments,
         ${when(
           'sessions',
           `(SELECT COALESCE(json_agg(json_build_object('id', id, 'at', scheduled_at, 'status', status) ORDER BY scheduled_at), '[]')
            FROM (SELECT id, scheduled_at, status FROM therapy_session
                   WHERE client_id = $1 AND status <> 'SCHEDULED' AND episode_id = (SELECT id FROM ep)
                   ORDER BY scheduled_at DESC LIMIT 8) recent)`,
         )} AS sessions`;
  loadSqlCache.set(key, sql);
  return sql;
}

/**
 * Recomputes a client's flags inside the transaction of the write that can change them, with the
 * shared rules; each new flag stores its evidence and rule version.
 */
@Injectable()
export class FlagEngine {
  constructor(private readonly flags: FlagService) {}

  /**
   * RISK from PHQ-9 item 9 is judged on the response just written, whatever the episode state (open,
   * ended, none yet) or the client's status.
   */
  afterQuestionnaire(ctx: RequestContext, client: VisibleClient, written: WrittenScore): Promise<FlagKind[]> {
    const trigger = written.episodeId ? 'questionnaire' : 'riskOnly';
    return this.run(ctx, client, trigger, [], written.code === 'PHQ9' ? written : null);
  }

  /** `rating` is the one just written: after a rupture it may be a repair, noted on the rupture's flag. */
  async afterAlliance(
    ctx: RequestContext,
    client: VisibleClient,
    helpNow: HelpNowMark[],
    rating: { id: string; total: number },
  ): Promise<FlagKind[]> {
    await this.flags.observeRepair(ctx, client.id, { ...rating, date: localDateIn(client.timezone) });
    return this.run(ctx, client, 'alliance', helpNow);
  }

  /** RISK only for "I need help now"; any entry may end a mood gap (clears DISENGAGING). */
  /** "I need help now" that came with nothing else to record (a rating its session no longer allows). */
  afterHelpRequest(ctx: RequestContext, client: VisibleClient, helpNow: HelpNowMark[]): Promise<FlagKind[]> {
    return this.run(ctx, client, 'riskOnly', helpNow);
  }

  afterMood(ctx: RequestContext, client: VisibleClient, helpNow: HelpNowMark[]): Promise<FlagKind[]> {
    return this.run(ctx, client, 'mood', helpNow, null, helpNow.length > 0 ? new Set() : new Set(['RISK']));
  }

  afterHomework(ctx: RequestContext, client: VisibleClient): Promise<FlagKind[]> {
    return this.run(ctx, client, 'homework', []);
  }

  afterAttendance(ctx: RequestContext, client: VisibleClient): Promise<FlagKind[]> {
    return this.run(ctx, client, 'attendance', []);
  }

  /** Time-based rules for one client; safe to run any number of times. */
  async sweepClient(ctx: RequestContext, client: VisibleClient): Promise<FlagKind[]> {
    const quiet = await ctx.db.query<{ kind: RuleKind }>(
      `SELECT DISTINCT kind FROM flag WHERE client_id = $1 AND status = 'RESOLVED' AND resolved_at > now() - make_interval(days => $2)`,
      [client.id, SWEEP_QUIET_DAYS],
    );
    const skip = new Set(quiet.map((q) => q.kind));
    return this.run(ctx, client, 'sweep', [], null, skip);
  }

  /** Every rule against the client's current data: after a bulk load or import, not on each write. */
  recomputeClient(ctx: RequestContext, client: VisibleClient): Promise<FlagKind[]> {
    return this.run(ctx, client, 'all', [], 'latest');
  }

  private async run(
    ctx: RequestContext,
    client: VisibleClient,
    trigger: Trigger,
    helpNow: HelpNowMark[],
    phq9: ScorePoint | 'latest' | null = null,
    skip: ReadonlySet<RuleKind> = new Set(),
  ): Promise<FlagKind[]> {
    const wanted = new Set<RuleKind>(AFTER[trigger].kinds.filter((k) => !skip.has(k)));
    const clearable = await this.openClearable(ctx, client, CLEARS[trigger] ?? []);
    if (wanted.size === 0 && clearable.length === 0) return [];
    const own: readonly Part[] = AFTER[trigger].parts;
    const parts = [...new Set([...own, ...clearable.flatMap((f) => CLEAR_PARTS[f.kind])])];
    const { input: loaded, settings, models } = await this.load(ctx, client, helpNow, parts);
    // Clear first, so a kind whose condition ended can be raised afresh later on.
    for (const flag of clearable) {
      const clearance = evaluateClearing(flag.kind, loaded, settings, models, flag.opened);
      if (clearance) await this.flags.clear(ctx, flag.id, clearance);
    }
    if (wanted.size === 0) return [];
    const input = restrictInput(loaded, own);
    // RISK is judged on what this write brought (the PHQ-9 just given, "I need help now"), never on the
    // episode's data: the write may fall outside any episode, and an old PHQ-9 must not re-open a resolved flag.
    const risk = wanted.has('RISK')
      ? evaluateRisk({ phq9: phq9 === 'latest' ? (input.phq9.at(-1) ?? null) : phq9, helpNow }, settings)
      : null;
    const raised: FlagKind[] = [];
    const rules = evaluateFlags(input, settings, models) as AnyFlag[];
    for (const flag of [risk, ...rules.filter((f) => f.kind !== 'RISK')]) {
      if (!flag || !wanted.has(flag.kind)) continue;
      const kind = flag.kind as FlagKind;
      const id = await this.flags.raise(ctx, client.id, kind, { ...flag.evidence }, FLAG_RULE_VERSION);
      if (id) raised.push(kind);
    }
    if (risk && !raised.includes(FlagKind.RISK)) await this.addToUnresolvedRisk(ctx, client.id, risk.evidence.triggers);
    return raised;
  }

  /**
   * A new risk signal while a RISK flag is unresolved is added to its evidence, and an acknowledged
   * one returns to OPEN (the acknowledgement stays on record): the therapist sees every signal.
   */
  private async addToUnresolvedRisk(
    ctx: RequestContext,
    clientId: string,
    triggers: readonly unknown[],
  ): Promise<void> {
    await ctx.db.query(
      `UPDATE flag SET evidence = jsonb_set(evidence, '{triggers}', COALESCE(evidence->'triggers', '[]'::jsonb) || $2::jsonb),
              status = 'OPEN'
        WHERE client_id = $1 AND kind = 'RISK' AND status IN ('OPEN', 'ACKNOWLEDGED')
          -- A signal already on the flag (a recompute judging the same PHQ-9 again) changes nothing.
          AND NOT COALESCE(evidence->'triggers', '[]'::jsonb) @> $2::jsonb`,
      [clientId, JSON.stringify(triggers)],
    );
  }

  /** The client's open (or acknowledged) flags of the kinds a write may clear; no query when none. */
  private async openClearable(
    ctx: RequestContext,
    client: VisibleClient,
    kinds: readonly ClearableKind[],
  ): Promise<{ id: string; kind: ClearableKind; opened: FlagOpened }[]> {
    if (kinds.length === 0) return [];
    const rows = await ctx.db.query<{ id: string; kind: ClearableKind; openedAt: Date }>(
      `SELECT id, kind, opened_at AS "openedAt" FROM flag
        WHERE client_id = $1 AND kind = ANY($2::text[]) AND status IN ('OPEN', 'ACKNOWLEDGED')`,
      [client.id, kinds],
    );
    // The local date in Node (never AT TIME ZONE): a zone PostgreSQL lacks must not fail the write.
    return rows.map(({ id, kind, openedAt }) => ({
      id,
      kind,
      opened: { at: openedAt.toISOString(), on: localDateIn(client.timezone, openedAt) },
    }));
  }

  /** Everything the rules read about one client, in one statement. */
  async load(
    ctx: RequestContext,
    client: VisibleClient,
    helpNow: HelpNowMark[] = [],
    parts: readonly Part[] = AFTER.all.parts,
  ): Promise<{ input: ClientFlagInput; settings: FlagSettings; models: TrajectoryModels }> {
    const asOf = localDateIn(client.timezone);
    const has = (part: Part) => parts.includes(part);
    const row = await ctx.db.one<LoadedRow>(loadSql(parts), [client.id, asOf]);
    if (!row) throw new Error('flag input query returned no row');
    const byCode = (code: string) => row.measures.filter((m) => m.code === code);
    const points = (code: string) =>
      byCode(code).map((m) => ({
        id: m.id,
        at: m.at,
        total: m.total,
        answers: m.answers,
        sessionNumber: m.sessionNumber,
      }));
    const input: ClientFlagInput = {
      asOf,
      attendedSessions: row.attended,
      phq9: points('PHQ9'),
      gad7: points('GAD7'),
      helpNow,
      alliance: byCode('ALLIANCE4').map((m) => ({ id: m.id, at: m.at, answers: m.answers })),
      moods: row.moods,
      // Reports reach back 6 days before the window: a weekly task may be reported early.
      homework: has('homework') ? { tasks: row.assignments, reports: row.homework } : null,
      sessions: row.sessions.map((s) => ({ id: s.id, at: s.at, status: s.status })),
    };
    return {
      input,
      settings: resolveFlagSettings(row.settings?.flags ?? {}),
      models: practiceTrajectoryModels(row.models),
    };
  }
}
