import { Injectable } from '@nestjs/common';
import { badInput } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import type { RequestDb } from '../../database/request-db.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccessService } from '../client/client-access.service.js';
import {
  episodeFacts,
  MIN_FINISHED_EPISODES,
  outcomeFigures,
  recoveryFunnel,
  type EpisodeFacts,
} from './report.figures.js';
import type { PracticeReportInput, ReportInstrument } from './report.inputs.js';
import { ENDED_EPISODES_SQL, REFERRALS_AND_THERAPISTS_SQL, type EpisodeRow, type TherapistRow } from './report.sql.js';
import type { PracticeReport, TherapistOutcome } from './report.types.js';

const MAX_SPAN_YEARS = 5;

export interface ReportPeriod {
  from: string;
  to: string;
}

/** from <= to and at most five years apart (both already checked to be real dates). */
export function checkPeriod({ from, to }: ReportPeriod): void {
  if (from > to) throw badInput('to', 'to must be on or after from');
  const [y, m, d] = from.split('-').map(Number);
  const limit = new Date(Date.UTC(y + MAX_SPAN_YEARS, m - 1, d)).toISOString().slice(0, 10);
  if (to > limit) throw badInput('to', `to must be at most ${MAX_SPAN_YEARS} years after from`);
}

@Injectable()
export class ReportService {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
  ) {}

  async practiceReport(ctx: RequestContext, input: PracticeReportInput): Promise<PracticeReport> {
    const user = await this.access.signedIn(ctx);
    checkPeriod(input);
    const report = await this.build(ctx.db, input, input.instrument ?? 'PHQ9', input.therapistIds ?? null);
    await this.audit.allowed(ctx, user, { action: 'practiceReport' });
    return report;
  }

  /** The report over a tenant-bound transaction: two statements whatever the practice's size. */
  async build(
    db: RequestDb,
    period: ReportPeriod,
    instrument: ReportInstrument,
    therapistIds: readonly string[] | null,
  ): Promise<PracticeReport> {
    await db.longRunning();
    const rows = await db.query<EpisodeRow>(ENDED_EPISODES_SQL, [period.from, period.to, false]);
    const episodes = rows.map(episodeFacts);
    const attributed = [...new Set(episodes.map((e) => e.row.therapistId))];
    const staff = await db.query<TherapistRow>(REFERRALS_AND_THERAPISTS_SQL, [period.from, period.to, attributed]);
    if (therapistIds) {
      const known = new Set(staff.filter((s) => s.isTherapist).map((s) => s.therapistId));
      const unknown = therapistIds.find((id) => !known.has(id));
      if (unknown) throw badInput('therapistIds', `therapistIds: ${unknown} is not a therapist of this practice`);
    }

    const byTherapist = new Map<string, EpisodeFacts[]>();
    for (const e of episodes) {
      const list = byTherapist.get(e.row.therapistId);
      if (list) list.push(e);
      else byTherapist.set(e.row.therapistId, [e]);
    }
    const therapists: TherapistOutcome[] = staff.map((s) => {
      const own = byTherapist.get(s.therapistId) ?? [];
      const insufficientData = countFinished(own) < MIN_FINISHED_EPISODES;
      return {
        therapistId: s.therapistId,
        therapistName: s.therapistName,
        figures: outcomeFigures(own, s.referrals, instrument, insufficientData),
        insufficientData,
      };
    });
    const practice = outcomeFigures(
      episodes,
      staff.reduce((n, s) => n + s.referrals, 0),
      instrument,
    );
    const shown = therapistIds ? therapists.filter((t) => therapistIds.includes(t.therapistId)) : therapists;
    return {
      from: period.from,
      to: period.to,
      practice,
      therapists: shown,
      funnel: recoveryFunnel(practice.recovery?.rate ?? null, shown),
    };
  }
}

function countFinished(episodes: readonly EpisodeFacts[]): number {
  return episodes.reduce((n, e) => (e.outcome.finished ? n + 1 : n), 0);
}
