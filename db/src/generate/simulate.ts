import { DEFAULT_FLAG_SETTINGS, DEFAULT_TRAJECTORY_MODELS } from '@cairn/shared';
import type { RowSink, TableRows } from './loader.js';
import { CRISIS_NOTES, GOALS, HOMEWORK, HOMEWORK_NOTES, MOOD_NOTES } from './names.js';
import {
  RELIABLE_CHANGE,
  allianceRuptures,
  deteriorationOnsets,
  flatLowMoodOnsets,
  homeworkLowOnsets,
  missedSessionOnsets,
  moodStoppedOnsets,
  offTrackOnsets,
  stalledOnsets,
  type AllianceRating,
  type Criterion,
  type Detail,
  type FlagKind,
  type GroundTruthEvent,
  type HomeworkDone,
  type HomeworkTask,
  type MoodPoint,
  type OpenPeriod,
  type VisitScore,
} from './oracle.js';
import { Rng, uuidv7 } from './random.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, isoDate, isoTime, weekday, zone, type Zone } from './time.js';

export type Archetype = 'IMPROVER' | 'SLOW_RESPONDER' | 'NON_RESPONDER' | 'DETERIORATOR' | 'DROPOUT';
export type Rupture = 'NONE' | 'REPAIRED' | 'UNREPAIRED';

/** Everything that shapes one client's history; the same plan and ids stream give the same rows. */
export interface ClientPlan {
  code: string;
  displayName: string;
  timezone: string;
  therapistId: string;
  userId: string | null;
  seed: number;
  /** Local day (days since 1970-01-01) of the first session. */
  startDay: number;
  archetype: Archetype;
  rupture: Rupture;
  /** Endorses PHQ-9 item 9 at one or two early sessions. */
  riskItem9: boolean;
  /** Marks one or two mood entries "I need help now". */
  moodHelpNow: boolean;
  /** Stops logging moods for a while (or for good) mid-episode after regular use. */
  moodDisengage: boolean;
  /** Stops doing and reporting homework for 3+ weeks. */
  homeworkDisengage: boolean;
  /** Misses two sessions in a row mid-episode. */
  missedSessions: boolean;
  allowSecondEpisode: boolean;
  /** The latest PHQ-9 endorses item 9 (demo). */
  riskAtLatest?: boolean;
  /** The rupture is the latest alliance rating (demo). */
  ruptureAtLatest?: boolean;
  /** Attended sessions before the first episode completes (default by archetype). */
  plannedSessions?: number;
}

export interface SimulationContext {
  practiceId: string;
  nowMs: number;
  /** Stream for row ids; shared by all clients of a run, so ids never repeat. */
  ids: Rng;
  sink: RowSink;
  onEvent?: (event: GroundTruthEvent) => void;
}

export interface ResponseRef {
  id: string;
  sessionId: string | null;
  at: string;
  total: number;
  answers: number[];
}

export interface ClientOutcome {
  clientId: string;
  status: TableRows['client']['status'];
  latestPhq9: ResponseRef | null;
  /** Every alliance rating, oldest first. */
  alliance: ResponseRef[];
  /** Planted ruptures and the rating that repaired each, if any. */
  ruptures: { rating: ResponseRef; repair: ResponseRef | null }[];
}

type SessionStatus = TableRows['therapy_session']['status'];
type EndReason = NonNullable<TableRows['episode']['end_reason']>;

interface SessionSim {
  id: string;
  number: number;
  day: number;
  ms: number;
  status: SessionStatus;
  recordedMs: number | null;
}

interface EpisodeSim {
  id: string;
  first: boolean;
  archetype: Archetype;
  startDay: number;
  endDay: number | null;
  endReason: EndReason | null;
  droppedOut: boolean;
  sessions: SessionSim[];
  /** Attended-session index of a planted rupture (0 = none). */
  ruptureAt: number;
  /** PHQ-9 and GAD-7 scores with their session numbers, for the trajectory ground truth. */
  visits: VisitScore[];
  homework: HomeworkTask[];
  homeworkReports: HomeworkDone[];
  /** Local days of a planted homework gap. */
  homeworkGap: { from: number; to: number } | null;
}

interface Trajectory {
  baseline: number;
  expected(attended: number): number;
  noise: number;
}

const PHQ9_MAX_WITHOUT_ITEM9 = 24;

/**
 * Archetypes built to fall behind the expected trajectory, with a stretch of scores that neither
 * improve reliably nor move much.
 */
const STRUGGLING: ReadonlySet<Archetype> = new Set(['NON_RESPONDER', 'SLOW_RESPONDER', 'DETERIORATOR']);

export function simulateClient(plan: ClientPlan, ctx: SimulationContext): ClientOutcome {
  return new ClientSimulator(plan, ctx).run();
}

class ClientSimulator {
  private readonly rng: Rng;
  private readonly tz: Zone;
  private readonly today: number;
  private readonly clientId: string;
  private readonly createdMs: number;
  // Habits of this client.
  private readonly sessionMinute: number;
  private readonly duration: number;
  private readonly moodAdherence: number;
  private readonly moodEvening: boolean;
  private readonly moodOffset: number;
  private readonly homeworkEngagement: number;
  private readonly homeworkCadence: number;
  private readonly allianceBase: number;
  // Series for the ground truth.
  private readonly moods: MoodPoint[] = [];
  private readonly allianceSeries: AllianceRating[] = [];
  private readonly allianceRefs: ResponseRef[] = [];
  private readonly ruptureRefs: { rating: ResponseRef; repair: ResponseRef | null }[] = [];
  private latestPhq9: ResponseRef | null = null;
  private moodNoise = 0;

  constructor(
    private readonly plan: ClientPlan,
    private readonly ctx: SimulationContext,
  ) {
    const rng = (this.rng = new Rng(plan.seed));
    this.tz = zone(plan.timezone);
    this.today = this.tz.localDay(ctx.nowMs);
    this.sessionMinute = rng.int(8, 18) * 60 + (rng.chance(0.5) ? 30 : 0);
    this.duration = Number(rng.weighted({ '50': 0.8, '60': 0.12, '45': 0.08 }));
    this.moodAdherence = rng.chance(0.1) ? rng.float(0.35, 0.55) : rng.float(0.65, 0.98);
    this.moodEvening = rng.chance(0.7);
    this.moodOffset = rng.float(-0.5, 0.5);
    this.homeworkEngagement = rng.float(0.6, 0.95);
    this.homeworkCadence = rng.int(2, 3);
    this.allianceBase = Number(rng.weighted({ '37': 0.15, '38': 0.3, '39': 0.3, '40': 0.25 }));
    this.createdMs = Math.min(ctx.nowMs, this.tz.at(plan.startDay - rng.int(1, 10), rng.int(9 * 60, 17 * 60)));
    this.clientId = uuidv7(this.createdMs, ctx.ids);
  }

  run(): ClientOutcome {
    const episodes: EpisodeSim[] = [];
    let startDay = this.plan.startDay;
    let archetype = this.plan.archetype;
    for (;;) {
      const episode = this.scheduleEpisode(startDay, archetype, episodes.length === 0);
      episodes.push(episode);
      this.fillEpisode(episode);
      if (episode.endDay === null || !this.plan.allowSecondEpisode || episodes.length > 1) break;
      const next = episode.endDay + this.rng.int(21, 90);
      if (next > this.today - 21 || !this.rng.chance(0.5)) break;
      startDay = next;
      archetype = this.rng.weighted({ IMPROVER: 0.6, SLOW_RESPONDER: 0.25, NON_RESPONDER: 0.15 });
    }
    const last = episodes[episodes.length - 1]!;
    const status = last.endDay !== null ? 'DISCHARGED' : this.rng.chance(0.05) ? 'PAUSED' : 'ACTIVE';
    this.ctx.sink.add('client', {
      practice_id: this.ctx.practiceId,
      id: this.clientId,
      therapist_id: this.plan.therapistId,
      user_id: this.plan.userId,
      code: this.plan.code,
      display_name: this.plan.displayName,
      timezone: this.plan.timezone,
      status,
      created_at: isoTime(this.createdMs),
    });
    this.clientLevelTruth(episodes);
    return {
      clientId: this.clientId,
      status,
      latestPhq9: this.latestPhq9,
      alliance: this.allianceRefs,
      ruptures: this.ruptureRefs,
    };
  }

  // ---- Phase 1: the session calendar of one episode -------------------------------------------

  private scheduleEpisode(startDay: number, archetype: Archetype, first: boolean): EpisodeSim {
    const { rng, plan, ctx } = this;
    const planned = (first && plan.plannedSessions) || plannedSessions(archetype, rng);
    // Weekly at first, then mostly fortnightly, and for many a monthly maintenance phase.
    const weeklyPhase = rng.int(4, 8);
    const laterInterval = rng.chance(0.75) ? 14 : 7;
    const maintenanceFrom = rng.chance(0.75) ? weeklyPhase + rng.int(6, 10) : Infinity;
    const interval = (attendedSoFar: number) =>
      attendedSoFar < weeklyPhase ? 7 : attendedSoFar < maintenanceFrom ? laterInterval : 28;
    let dropAfter = archetype === 'DROPOUT' ? rng.int(3, 9) : 0;
    const missedAfter = first && plan.missedSessions ? rng.int(4, Math.max(4, planned - 3)) : 0;
    let ruptureAt = 0;
    if (first && plan.rupture !== 'NONE' && !plan.ruptureAtLatest) {
      ruptureAt = rng.int(3, Math.max(3, Math.min(planned - 2, 12)));
      if (dropAfter) ruptureAt = Math.min(ruptureAt, dropAfter);
      else if (plan.rupture === 'UNREPAIRED' && rng.chance(0.5)) dropAfter = ruptureAt + rng.int(1, 2);
    }
    const allowMisses = !(plan.riskAtLatest || plan.ruptureAtLatest);
    const createdMs = Math.min(ctx.nowMs, this.tz.at(startDay, this.sessionMinute) - rng.int(1, 3) * DAY_MS);
    const episode: EpisodeSim = {
      id: uuidv7(createdMs, ctx.ids),
      first,
      archetype,
      startDay,
      endDay: null,
      endReason: null,
      droppedOut: false,
      sessions: [],
      ruptureAt,
      visits: [],
      homework: [],
      homeworkReports: [],
      homeworkGap: null,
    };
    const sessionAt = (number: number, day: number, status: SessionStatus, recordedMs: number | null) => {
      const ms = this.tz.at(day, this.sessionMinute);
      const session: SessionSim = { id: '', number, day, ms, status, recordedMs };
      session.id = uuidv7(Math.min(ctx.nowMs, ms - 7 * DAY_MS), ctx.ids);
      episode.sessions.push(session);
      return session;
    };

    let day = startDay;
    let attended = 0;
    let lastMiss = -10;
    let forced: SessionStatus[] = [];
    let dropping = false;
    for (let number = 1; ; number++) {
      const ms = this.tz.at(day, this.sessionMinute);
      const endMs = ms + this.duration * MINUTE_MS;
      if (endMs + 5 * MINUTE_MS > ctx.nowMs) {
        if (!dropping) {
          sessionAt(number, day, 'SCHEDULED', null);
          if (rng.chance(0.5)) sessionAt(number + 1, day + interval(attended), 'SCHEDULED', null);
        }
        break;
      }
      let status: SessionStatus = 'ATTENDED';
      if (forced.length) status = forced.shift()!;
      else if (allowMisses && number > 1 && number - lastMiss >= 4 && rng.chance(0.06)) {
        status = rng.chance(0.6) ? 'CANCELLED' : 'NO_SHOW';
      }
      const recordedMs =
        status === 'CANCELLED'
          ? ms - rng.int(2, 48) * HOUR_MS
          : Math.min(ctx.nowMs, endMs + rng.int(1, 90) * MINUTE_MS);
      sessionAt(number, day, status, recordedMs);
      if (status === 'ATTENDED') {
        attended++;
        if (attended === dropAfter) {
          forced = ['NO_SHOW', 'NO_SHOW'];
          dropping = true;
        } else if (attended === missedAfter) {
          forced = ['NO_SHOW', 'NO_SHOW'];
        } else if (attended >= planned && !dropAfter) {
          episode.endDay = day;
          episode.endReason = endReasonFor(archetype, rng);
          break;
        }
      } else {
        lastMiss = number;
        if (dropping && !forced.length) {
          const endDay = day + rng.int(7, 14);
          episode.droppedOut = true;
          if (endDay <= this.today) {
            episode.endDay = endDay;
            episode.endReason = 'DROPPED_OUT';
          }
          break;
        }
      }
      const jitter = rng.chance(0.1) ? rng.pick([-1, 1]) : 0;
      day += interval(attended) + jitter;
    }
    return episode;
  }

  // ---- Phase 2: what happened at and between the sessions ------------------------------------

  private fillEpisode(ep: EpisodeSim): void {
    const { rng, plan, ctx } = this;
    const practiceId = ctx.practiceId;
    const trajectory = trajectoryFor(ep.archetype, rng);
    const attendedSessions = ep.sessions.filter((s) => s.status === 'ATTENDED');
    const lastAttended = attendedSessions.length;
    const ruptureAt = ep.first && plan.ruptureAtLatest ? lastAttended : ep.ruptureAt;
    const unrepaired = ep.first && plan.rupture === 'UNREPAIRED';

    const riskSessions = new Set<number>();
    if (ep.first && plan.riskItem9 && lastAttended) {
      riskSessions.add(rng.int(1, Math.min(8, lastAttended)));
      if (rng.chance(0.3)) riskSessions.add(rng.int(1, Math.min(8, lastAttended)));
    }
    if (ep.first && plan.riskAtLatest && lastAttended) riskSessions.add(lastAttended);

    // A planted gap: from an assignment on, every task goes unreported or not done for 5 weeks.
    const homeworkGapAt = ep.first && plan.homeworkDisengage && lastAttended >= 7 ? rng.int(3, lastAttended - 4) : 0;
    const gapSession = attendedSessions[homeworkGapAt - 1];
    if (gapSession) ep.homeworkGap = { from: gapSession.day + 1, to: gapSession.day + 35 };

    this.addEpisodeRow(ep);
    this.addSessionRows(ep);

    const curve: { day: number; phq: number }[] = [];
    let phqBase = -1;
    let gadBase = -1;
    const gadRatio = ep.archetype === 'DETERIORATOR' ? rng.float(0.55, 0.8) : rng.float(0.6, 0.85);
    const goals: { id: string; initial: number }[] = [];
    let pendingRupture: { rating: ResponseRef; repair: ResponseRef | null } | null = null;

    attendedSessions.forEach((session, index) => {
      const a = index + 1;
      const endMs = session.ms + this.duration * MINUTE_MS;
      const expected = trajectory.expected(a);
      curve.push({ day: session.day, phq: expected });

      // PHQ-9, filled in before the session (the first in the waiting room).
      if (a === 1 || riskSessions.has(a) || rng.chance(0.9)) {
        const item9 = riskSessions.has(a) ? (plan.riskAtLatest && a === lastAttended ? 1 : rng.chance(0.7) ? 1 : 2) : 0;
        let total = Math.round(expected + rng.normal(0, trajectory.noise));
        if (phqBase >= 0 && ep.archetype === 'NON_RESPONDER') total = clamp(total, phqBase - 1, phqBase + 1);
        if (phqBase >= 0 && ep.archetype !== 'DETERIORATOR')
          total = Math.min(total, phqBase + RELIABLE_CHANGE.PHQ9 - 2);
        total = clamp(total, item9, item9 + PHQ9_MAX_WITHOUT_ITEM9);
        if (phqBase < 0) phqBase = total;
        const submitted = session.ms - (a === 1 ? rng.int(5, 40) : rng.int(30, 20 * 60)) * MINUTE_MS;
        const ref = this.addMeasure(ep, session, 'PHQ9', answersFor(total, 9, 3, rng, 8, item9), submitted, 'CLIENT');
        ep.visits.push({ at: submitted, instrument: 'PHQ9', total, session: session.number });
        this.latestPhq9 = ref;
        if (item9 > 0) this.emit('RISK', submitted, 'PHQ9_ITEM9', true, { item9, responseId: ref.id });
      }

      // GAD-7, alongside.
      if (a === 1 || rng.chance(0.85)) {
        const scale = trajectory.baseline ? expected / trajectory.baseline : 1;
        const gBase =
          gadBase >= 0 ? gadBase : clamp(Math.round(trajectory.baseline * gadRatio + rng.normal(0, 1.5)), 8, 21);
        let total = Math.round(gBase * scale + rng.normal(0, trajectory.noise * 0.7));
        if (gadBase >= 0 && ep.archetype === 'NON_RESPONDER') total = clamp(total, gadBase - 1, gadBase + 1);
        if (gadBase >= 0 && ep.archetype !== 'DETERIORATOR')
          total = Math.min(total, gadBase + RELIABLE_CHANGE.GAD7 - 2);
        total = clamp(total, 0, 21);
        if (gadBase < 0) gadBase = total;
        const submitted = session.ms - (a === 1 ? rng.int(5, 40) : rng.int(30, 20 * 60)) * MINUTE_MS;
        this.addMeasure(ep, session, 'GAD7', answersFor(total, 7, 3, rng), submitted, 'CLIENT');
        ep.visits.push({ at: submitted, instrument: 'GAD7', total, session: session.number });
      }

      // Alliance rating from the one-time link, after the session.
      const repairDue = pendingRupture !== null && !unrepaired;
      if (a === ruptureAt || repairDue || rng.chance(0.85)) {
        let answers: number[];
        if (a === ruptureAt) answers = ruptureAnswers(rng);
        else if (ruptureAt && a > ruptureAt && unrepaired) answers = strainedAnswers(rng);
        else answers = steadyAnswers(this.allianceBase, rng);
        const submitted = Math.min(endMs + rng.int(2, 360) * MINUTE_MS, ctx.nowMs - MINUTE_MS);
        const ref = this.addMeasure(ep, session, 'ALLIANCE4', answers, submitted, 'RATING_LINK');
        this.allianceSeries.push({ at: submitted, total: ref.total, answers });
        this.allianceRefs.push(ref);
        if (a === ruptureAt) {
          pendingRupture = { rating: ref, repair: null };
          this.ruptureRefs.push(pendingRupture);
        } else if (pendingRupture) {
          if (!unrepaired) pendingRupture.repair = ref;
          pendingRupture = null;
        }
      }

      // Goals, set at the first session and rated every other session.
      if (a === 1) {
        const titles = new Set<string>();
        const count = rng.int(1, 3);
        while (titles.size < count) titles.add(rng.pick(GOALS));
        for (const title of titles) {
          const created = endMs + rng.int(1, 10) * MINUTE_MS;
          const id = uuidv7(Math.min(created, ctx.nowMs), ctx.ids);
          goals.push({ id, initial: rng.int(1, 3) });
          ctx.sink.add('goal', {
            practice_id: practiceId,
            id,
            client_id: this.clientId,
            episode_id: ep.id,
            title,
            status: goalStatus(ep, rng),
            created_by: this.plan.therapistId,
            created_at: isoTime(Math.min(created, ctx.nowMs)),
          });
        }
      }
      if (a % 2 === 1) {
        const progress = clamp((trajectory.baseline - expected) / (0.7 * Math.max(1, trajectory.baseline)), 0, 1);
        for (const goal of goals) {
          if (a > 1 && !rng.chance(0.8)) continue;
          const rating = clamp(Math.round(goal.initial + (9 - goal.initial) * progress + rng.normal(0, 0.8)), 0, 10);
          const rated = Math.min(endMs + rng.int(1, 30) * MINUTE_MS, ctx.nowMs);
          ctx.sink.add('goal_rating', {
            practice_id: practiceId,
            client_id: this.clientId,
            goal_id: goal.id,
            rating,
            rated_at: isoTime(rated),
          });
        }
      }

      // Homework, assigned every few sessions (never at the closing session).
      const closing = ep.endDay !== null && a === lastAttended;
      const assign =
        a === homeworkGapAt ||
        (!closing && (a === 1 ? rng.chance(0.5) : (a - 1) % this.homeworkCadence === 0 && rng.chance(0.85)));
      if (assign) this.addHomework(ep, session, endMs, a === homeworkGapAt);
    });

    this.addMoods(ep, curve, trajectory);
    this.episodeTruth(ep);
  }

  private addEpisodeRow(ep: EpisodeSim): void {
    const createdMs = Math.min(this.ctx.nowMs, this.tz.at(ep.startDay, this.sessionMinute) - DAY_MS);
    this.ctx.sink.add('episode', {
      practice_id: this.ctx.practiceId,
      id: ep.id,
      client_id: this.clientId,
      started_on: isoDate(ep.startDay),
      ended_on: ep.endDay === null ? null : isoDate(ep.endDay),
      end_reason: ep.endReason,
      created_at: isoTime(Math.max(createdMs, this.createdMs)),
    });
  }

  private addSessionRows(ep: EpisodeSim): void {
    for (const s of ep.sessions) {
      const created = Math.max(this.createdMs, Math.min(this.ctx.nowMs, s.ms - 7 * DAY_MS, s.recordedMs ?? Infinity));
      this.ctx.sink.add('therapy_session', {
        practice_id: this.ctx.practiceId,
        id: s.id,
        client_id: this.clientId,
        episode_id: ep.id,
        therapist_id: this.plan.therapistId,
        scheduled_at: isoTime(s.ms),
        duration_minutes: this.duration,
        number: s.number,
        status: s.status,
        status_recorded_at: s.recordedMs === null ? null : isoTime(s.recordedMs),
        created_at: isoTime(created),
      });
    }
  }

  private addMeasure(
    ep: EpisodeSim,
    session: SessionSim,
    code: 'PHQ9' | 'GAD7' | 'ALLIANCE4',
    answers: number[],
    submittedMs: number,
    source: 'CLIENT' | 'RATING_LINK',
  ): ResponseRef {
    const id = uuidv7(submittedMs, this.ctx.ids);
    const total = answers.reduce((sum, x) => sum + x, 0);
    const at = isoTime(submittedMs);
    this.ctx.sink.add('measure_response', {
      practice_id: this.ctx.practiceId,
      id,
      client_id: this.clientId,
      episode_id: ep.id,
      session_id: session.id,
      instrument_code: code,
      instrument_version: '1',
      answers,
      total,
      comment: null,
      help_now: false,
      source,
      submitted_at: at,
    });
    return { id, sessionId: session.id, at, total, answers };
  }

  private addHomework(ep: EpisodeSim, session: SessionSim, endMs: number, startsGap: boolean): void {
    const { rng, ctx } = this;
    const frequency: TableRows['homework_assignment']['frequency'] = startsGap
      ? rng.pick(['WEEKLY', 'DAILY'] as const)
      : rng.weighted({ WEEKLY: 0.55, DAILY: 0.3, ONCE: 0.15 });
    const task = rng.pick(HOMEWORK);
    const assigned = session.day;
    const due = assigned + (frequency === 'ONCE' ? 7 : frequency === 'DAILY' ? 14 : 28);
    const lastDay = Math.min(due, ep.endDay ?? this.today, this.today);
    const created = Math.min(endMs + rng.int(1, 10) * MINUTE_MS, ctx.nowMs);
    const id = uuidv7(created, ctx.ids);
    const taskIndex = ep.homework.push({ frequency, assignedDay: assigned, dueDay: due }) - 1;
    ctx.sink.add('homework_assignment', {
      practice_id: ctx.practiceId,
      id,
      client_id: this.clientId,
      episode_id: ep.id,
      title: task.title,
      instructions: task.instructions,
      frequency,
      assigned_on: isoDate(assigned),
      due_on: isoDate(due),
      created_by: this.plan.therapistId,
      created_at: isoTime(created),
    });

    type Status = TableRows['homework_report']['status'];
    const report = (day: number, status: Status) => {
      const at = this.tz.at(day, rng.int(18 * 60, 23 * 60));
      if (at > ctx.nowMs) return;
      ep.homeworkReports.push({ task: taskIndex, day, status });
      const [effort, helpfulness] =
        status === 'DONE'
          ? [rng.int(5, 10), rng.int(4, 10)]
          : status === 'PARTIAL'
            ? [rng.int(2, 7), rng.int(2, 8)]
            : [rng.int(0, 3), null];
      ctx.sink.add('homework_report', {
        practice_id: ctx.practiceId,
        client_id: this.clientId,
        assignment_id: id,
        local_date: isoDate(day),
        status,
        effort,
        helpfulness,
        note: rng.chance(0.1) ? rng.pick(HOMEWORK_NOTES) : null,
        created_at: isoTime(at),
      });
    };
    // In a planted gap the client reports nothing, or that it was not done.
    const gap = ep.homeworkGap;
    const inGap = (day: number) => gap !== null && day >= gap.from && day <= gap.to;
    const gapReport = (day: number) => {
      if (rng.chance(0.3)) report(day, 'NOT_DONE');
    };

    if (frequency === 'DAILY') {
      for (let day = assigned + 1; day <= lastDay; day++) {
        if (inGap(day)) gapReport(day);
        else if (rng.chance(this.homeworkEngagement * 0.9)) {
          report(day, rng.weighted({ DONE: 0.7, PARTIAL: 0.2, NOT_DONE: 0.1 }));
        }
      }
    } else if (frequency === 'WEEKLY') {
      // A miss or partial week is followed by two done weeks, so adherence stays >= 50% over any 3 weeks.
      let mustDo = 0;
      for (let week = 1; week <= 4; week++) {
        const day = assigned + 7 * week - rng.int(0, 2);
        if (day > lastDay) break;
        if (inGap(day)) {
          gapReport(day);
          continue;
        }
        const status = mustDo > 0 ? 'DONE' : rng.weighted({ DONE: 0.78, PARTIAL: 0.12, NOT_DONE: 0.05, MISSING: 0.05 });
        mustDo = status === 'DONE' ? Math.max(0, mustDo - 1) : 2;
        if (status !== 'MISSING') report(day, status);
      }
    } else {
      const day = assigned + rng.int(2, 7);
      if (day <= lastDay && !inGap(day) && rng.chance(0.9)) {
        report(day, rng.weighted({ DONE: 0.8, PARTIAL: 0.15, NOT_DONE: 0.05 }));
      }
    }
  }

  private addMoods(ep: EpisodeSim, curve: readonly { day: number; phq: number }[], trajectory: Trajectory): void {
    const { rng, ctx, plan } = this;
    const periodEnd = ep.endDay ?? this.today;
    let stopDay = Infinity;
    let resumeDay = Infinity;
    if (ep.droppedOut) {
      const firstMiss = ep.sessions.find((s) => s.status === 'NO_SHOW' && s.number > 1 && isFinalMiss(ep, s));
      if (firstMiss) stopDay = firstMiss.day - rng.int(6, 12);
    } else if (ep.first && plan.moodDisengage && periodEnd - ep.startDay >= 60) {
      stopDay = ep.startDay + rng.int(35, periodEnd - ep.startDay - 12);
      if (rng.chance(0.6)) resumeDay = stopDay + rng.int(10, 30);
    }
    const helpNowDays = new Set<number>();
    if (ep.first && plan.moodHelpNow && periodEnd - ep.startDay > 20) {
      const count = rng.int(1, 2);
      for (let i = 0; i < count; i++) {
        const day = rng.int(ep.startDay + 14, periodEnd - 1);
        if (day < stopDay - 14 || day >= resumeDay) helpNowDays.add(day);
      }
    }

    const firstDay = ep.startDay + rng.int(0, 2);
    let lastLogged = firstDay - 1;
    let point = 0;
    for (let day = firstDay; day <= periodEnd; day++) {
      this.moodNoise = 0.6 * this.moodNoise + rng.normal(0, 0.8);
      if (day >= stopDay && day < resumeDay) continue;
      const regularBeforeStop = day >= stopDay - 14 && day < stopDay;
      const forced = day === firstDay || helpNowDays.has(day) || regularBeforeStop || day - lastLogged - 1 >= 5;
      if (!forced && !rng.chance(this.moodAdherence)) continue;
      const minute = this.moodEvening ? rng.int(19 * 60, 23 * 60 + 30) : rng.int(7 * 60, 10 * 60);
      const at = this.tz.at(day, minute);
      if (at > ctx.nowMs) continue;
      lastLogged = day;

      while (point < curve.length - 1 && curve[point + 1]!.day <= day) point++;
      let rating: number;
      let note: string | null = null;
      let helpNow = false;
      if (helpNowDays.has(day)) {
        rating = rng.int(1, 2);
        note = rng.pick(CRISIS_NOTES);
        helpNow = true;
      } else if (ep.archetype === 'NON_RESPONDER') {
        // Flat and low: the usual 3, now and then a point either side.
        rating = rng.chance(0.84) ? 3 : rng.chance(0.6) ? 4 : 2;
      } else {
        const phq = interpolate(curve, point, day, trajectory.baseline);
        const weekend = weekday(day) === 0 || weekday(day) === 6 ? 0.3 : 0;
        rating = clamp(Math.round(8.8 - 0.19 * phq + this.moodOffset + weekend + this.moodNoise), 1, 10);
        if (rng.chance(0.07)) note = rng.pick(MOOD_NOTES);
      }
      const created = isoTime(at);
      ctx.sink.add('mood_entry', {
        practice_id: ctx.practiceId,
        client_id: this.clientId,
        local_date: isoDate(day),
        rating,
        note,
        help_now: helpNow,
        created_at: created,
        updated_at: created,
      });
      this.moods.push({ day, at, rating });
      if (helpNow) this.emit('RISK', at, 'MOOD_HELP_NOW', true, { localDate: isoDate(day) });
    }
  }

  // ---- Ground truth ---------------------------------------------------------------------------

  private episodeTruth(ep: EpisodeSim): void {
    const visits = [...ep.visits].sort((x, y) => x.at - y.at);
    for (const instrument of ['PHQ9', 'GAD7'] as const) {
      const scores = visits.filter((v) => v.instrument === instrument);
      const baseline = scores[0]?.total ?? 0;
      for (const s of deteriorationOnsets(scores, RELIABLE_CHANGE[instrument])) {
        this.emit('DETERIORATION', s.at, 'RELIABLE_DETERIORATION', ep.archetype === 'DETERIORATOR', {
          archetype: ep.archetype,
          instrument,
          baseline,
          score: s.total,
        });
      }
    }
    const attendedAt = ep.sessions.filter((s) => s.status === 'ATTENDED').map((s) => s.recordedMs!);
    for (const hit of stalledOnsets(visits, attendedAt, DEFAULT_FLAG_SETTINGS.stalledMinSessions)) {
      this.emit('STALLED', hit.at, 'NO_RELIABLE_IMPROVEMENT', STRUGGLING.has(ep.archetype), {
        archetype: ep.archetype,
        instrument: hit.instrument,
        baseline: hit.baseline,
        recent: hit.recent.join('/'),
        attendedSessions: hit.attended,
      });
    }
    // As DEFAULT_FLAG_SETTINGS reads it: no-shows among sessions held or missed (a cancellation does
    // not say who cancelled, so it is neither).
    const recorded = ep.sessions
      .filter((s) => s.status === 'ATTENDED' || s.status === 'NO_SHOW')
      .map((s) => ({ recordedAt: s.recordedMs!, missed: s.status === 'NO_SHOW' }));
    const planted = ep.droppedOut || (ep.first && this.plan.missedSessions);
    for (const s of missedSessionOnsets(recorded)) {
      this.emit('DISENGAGING', s.recordedAt, 'SESSIONS_MISSED', planted);
    }
    const fromSession = DEFAULT_FLAG_SETTINGS.notOnTrackFromSession;
    for (const hit of offTrackOnsets(visits, DEFAULT_TRAJECTORY_MODELS, fromSession)) {
      this.emit('NOT_ON_TRACK', hit.at, 'BEHIND_EXPECTED_TRAJECTORY', STRUGGLING.has(ep.archetype), {
        archetype: ep.archetype,
        instrument: hit.instrument,
        baseline: hit.baseline,
        band: hit.band,
        score: hit.score,
        session: hit.session,
        upper: hit.upper,
      });
    }
    // Judged by the sweep at the end of each local day the episode is open (today: at now).
    const rule = {
      windowDays: DEFAULT_FLAG_SETTINGS.homeworkWindowDays,
      below: DEFAULT_FLAG_SETTINGS.homeworkAdherenceBelow,
      minDue: DEFAULT_FLAG_SETTINGS.homeworkMinDue,
    };
    const lastDay = ep.endDay ?? this.today;
    const gap = ep.homeworkGap;
    for (const hit of homeworkLowOnsets(ep.homework, ep.homeworkReports, ep.startDay, ep.startDay, lastDay, rule)) {
      const inGap = gap !== null && hit.day >= gap.from && hit.day <= gap.to + rule.windowDays;
      this.emit('DISENGAGING', Math.min(this.tz.at(hit.day + 1, 0), this.ctx.nowMs), 'HOMEWORK_LOW', inGap, {
        to: isoDate(hit.day),
        adherence: hit.adherence,
        due: hit.due,
      });
    }
  }

  private clientLevelTruth(episodes: readonly EpisodeSim[]): void {
    const plantedRupture = this.plan.rupture !== 'NONE';
    for (const hit of allianceRuptures(this.allianceSeries)) {
      this.emit('ALLIANCE_RUPTURE', hit.at, hit.criteria[0]!, plantedRupture, {
        total: hit.total,
        criteria: hit.criteria,
      });
    }
    const episodeOn = (day: number) =>
      episodes.find((e) => e.startDay <= day && (e.endDay === null || day <= e.endDay));
    for (const hit of flatLowMoodOnsets(this.moods)) {
      const ep = episodeOn(this.tz.localDay(hit.at));
      const planted = ep?.archetype === 'NON_RESPONDER' || ep?.archetype === 'DETERIORATOR';
      this.emit('STALLED', hit.at, 'MOOD_FLAT_LOW', planted, {
        archetype: ep?.archetype ?? null,
        mean: hit.mean,
        slopePerWeek: hit.slopePerWeek,
        entries: hit.entries,
      });
    }
    const periods: OpenPeriod[] = episodes.map((e) => ({ startDay: e.startDay, endDay: e.endDay }));
    const midnight = (day: number) => this.tz.at(day, 0);
    for (const hit of moodStoppedOnsets(this.moods, periods, midnight, this.ctx.nowMs)) {
      const ep = episodeOn(hit.lastEntryDay);
      const planted = ep !== undefined && (ep.droppedOut || (ep.first && this.plan.moodDisengage));
      this.emit('DISENGAGING', hit.at, 'MOOD_STOPPED', planted, { lastEntry: isoDate(hit.lastEntryDay) });
    }
  }

  private emit(kind: FlagKind, atMs: number, criterion: Criterion, planted: boolean, detail?: Detail): void {
    this.ctx.onEvent?.({ clientId: this.clientId, kind, at: isoTime(atMs), criterion, planted, detail });
  }
}

// ---- Clinical shapes ---------------------------------------------------------------------------

function plannedSessions(archetype: Archetype, rng: Rng): number {
  switch (archetype) {
    case 'IMPROVER':
      return rng.int(16, 32);
    case 'SLOW_RESPONDER':
      return rng.int(26, 50);
    case 'NON_RESPONDER':
      // A course that does not move is reviewed and ends or is referred on, rather than running for a year.
      return rng.int(10, 24);
    case 'DETERIORATOR':
      return rng.int(10, 20);
    case 'DROPOUT':
      return 60;
  }
}

function endReasonFor(archetype: Archetype, rng: Rng): EndReason {
  switch (archetype) {
    case 'NON_RESPONDER':
      return rng.weighted({ REFERRED_ON: 0.5, COMPLETED: 0.4, OTHER: 0.1 });
    case 'DETERIORATOR':
      return rng.weighted({ REFERRED_ON: 0.6, OTHER: 0.2, COMPLETED: 0.2 });
    default:
      return rng.chance(0.9) ? 'COMPLETED' : 'OTHER';
  }
}

/** Expected PHQ-9 total at the n-th attended session of an episode. */
function trajectoryFor(archetype: Archetype, rng: Rng): Trajectory {
  switch (archetype) {
    case 'IMPROVER': {
      // Some improve reliably without leaving caseness (a floor near half the intake score).
      const b = rng.int(13, 22);
      const floor = rng.float(0.1, 0.5);
      const tau = rng.float(2, 3.5);
      return { baseline: b, noise: 1.3, expected: (a) => b * (floor + (1 - floor) * Math.exp(-(a - 1) / tau)) };
    }
    case 'SLOW_RESPONDER': {
      const b = rng.int(12, 22);
      const plateau = rng.int(5, 9);
      const floor = rng.float(0.3, 0.45);
      const tau = rng.float(5, 9);
      const top = b * (1 - 0.02 * (plateau - 1));
      return {
        baseline: b,
        noise: 1.2,
        expected: (a) =>
          a <= plateau ? b * (1 - 0.02 * (a - 1)) : top * (floor + (1 - floor) * Math.exp(-(a - plateau) / tau)),
      };
    }
    case 'NON_RESPONDER': {
      const b = rng.int(13, 22);
      return { baseline: b, noise: 0.6, expected: () => b };
    }
    case 'DETERIORATOR': {
      const b = rng.int(8, 16);
      const rise = rng.float(7, 10);
      const over = rng.float(3, 6);
      return { baseline: b, noise: 1, expected: (a) => Math.min(27, b + rise * Math.min(1, (a - 1) / over)) };
    }
    case 'DROPOUT': {
      // Leave after anything from good early improvement to almost none.
      const b = rng.int(12, 22);
      const floor = rng.float(0.35, 0.9);
      const tau = rng.float(2.5, 5);
      return { baseline: b, noise: 1.3, expected: (a) => b * (floor + (1 - floor) * Math.exp(-(a - 1) / tau)) };
    }
  }
}

function goalStatus(ep: EpisodeSim, rng: Rng): TableRows['goal']['status'] {
  if (ep.endDay === null) return 'ACTIVE';
  if (ep.endReason === 'COMPLETED') return rng.chance(0.75) ? 'ACHIEVED' : 'DROPPED';
  return 'DROPPED';
}

/** The no-show that starts a dropout's final run of misses. */
function isFinalMiss(ep: EpisodeSim, session: SessionSim): boolean {
  const after = ep.sessions.filter((s) => s.number >= session.number && s.status !== 'SCHEDULED');
  return after.length > 0 && after.every((s) => s.status === 'NO_SHOW');
}

// ---- Answers consistent with totals -----------------------------------------------------------

/** Item answers summing to total; optionally one item fixed (PHQ-9 item 9). */
export function answersFor(
  total: number,
  items: number,
  max: number,
  rng: Rng,
  fixedIndex = -1,
  fixedValue = 0,
): number[] {
  const answers = new Array<number>(items).fill(0);
  const free: number[] = [];
  for (let i = 0; i < items; i++) if (i !== fixedIndex) free.push(i);
  if (fixedIndex >= 0) answers[fixedIndex] = fixedValue;
  let remaining = clamp(total - (fixedIndex >= 0 ? fixedValue : 0), 0, free.length * max);
  while (remaining > 0) {
    const i = free[Math.floor(rng.next() * free.length)]!;
    if (answers[i]! < max) {
      answers[i] += 1;
      remaining--;
    }
  }
  return answers;
}

/** Takes `deficit` points off items starting at 10, no item losing more than maxLoss. */
function fromTen(items: number, deficit: number, maxLoss: number, rng: Rng): number[] {
  const answers = new Array<number>(items).fill(10);
  let left = Math.min(deficit, items * maxLoss);
  while (left > 0) {
    const i = Math.floor(rng.next() * items);
    if (answers[i]! > 10 - maxLoss) {
      answers[i] -= 1;
      left--;
    }
  }
  return answers;
}

/** A usual rating: within one point of the client's own level, every item >= 8, total >= 36. */
function steadyAnswers(base: number, rng: Rng): number[] {
  const total = clamp(base + rng.pick([-1, 0, 0, 1]), 36, 40);
  return fromTen(4, 40 - total, 2, rng);
}

/** A rupture: total 26-35, often with one item (what we worked on, approach, overall) <= 5. */
function ruptureAnswers(rng: Rng): number[] {
  if (rng.chance(0.6)) {
    const low = rng.int(1, 3);
    const lowValue = rng.int(3, 5);
    const rest = rng.int(21, 28);
    const others = fromTen(3, 30 - rest, 4, rng);
    others.splice(low, 0, lowValue);
    return others;
  }
  return fromTen(4, 40 - rng.int(31, 35), 4, rng);
}

/** After an unrepaired rupture: still below the concern line. */
function strainedAnswers(rng: Rng): number[] {
  return fromTen(4, 40 - rng.int(29, 35), 4, rng);
}

function interpolate(curve: readonly { day: number; phq: number }[], i: number, day: number, fallback: number): number {
  const a = curve[i];
  if (!a) return fallback;
  const b = curve[i + 1];
  if (!b || day <= a.day) return a.phq;
  return a.phq + ((b.phq - a.phq) * (day - a.day)) / (b.day - a.day);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
