import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context.js';

/**
 * Keeps client_summary current in the same transaction as each write, so the caseload reads one
 * row per client however long the history grows.
 */
@Injectable()
export class SummaryService {
  async measureRecorded(ctx: RequestContext, clientId: string, instrumentCode: string, total: number): Promise<void> {
    if (instrumentCode === 'PHQ9' || instrumentCode === 'GAD7') {
      const p = instrumentCode === 'PHQ9' ? 'phq9' : 'gad7';
      await ctx.db.query(
        `UPDATE client_summary SET ${p}_baseline = COALESCE(${p}_baseline, $2), ${p}_latest = $2, ${p}_latest_at = now(),
           ${p}_count = ${p}_count + 1, last_activity_at = now(), updated_at = now()
         WHERE client_id = $1`,
        [clientId, total],
      );
    } else if (instrumentCode === 'ALLIANCE4') {
      await ctx.db.query(
        `UPDATE client_summary SET
           alliance_previous = CASE WHEN alliance_latest IS NULL THEN alliance_previous
                                    ELSE (ARRAY[alliance_latest] || alliance_previous)[1:3] END,
           alliance_latest = $2, alliance_latest_at = now(), last_activity_at = now(), updated_at = now()
         WHERE client_id = $1`,
        [clientId, total],
      );
    } else {
      await this.activity(ctx, clientId);
    }
  }

  async moodLogged(ctx: RequestContext, clientId: string, localDate: string, isNew: boolean): Promise<void> {
    await ctx.db.query(
      `UPDATE client_summary SET mood_count = mood_count + $3, mood_last_date = GREATEST(mood_last_date, $2::date),
         last_activity_at = now(), updated_at = now() WHERE client_id = $1`,
      [clientId, localDate, isNew ? 1 : 0],
    );
  }

  async homeworkReported(ctx: RequestContext, clientId: string): Promise<void> {
    await ctx.db.query(
      `UPDATE client_summary SET homework_reports = homework_reports + 1, last_activity_at = now(), updated_at = now()
       WHERE client_id = $1`,
      [clientId],
    );
  }

  /** Attendance counters move by the difference between the old and new status. */
  async attendanceChanged(ctx: RequestContext, clientId: string, from: string, to: string): Promise<void> {
    const attended = (to === 'ATTENDED' ? 1 : 0) - (from === 'ATTENDED' ? 1 : 0);
    const missed = (isMissed(to) ? 1 : 0) - (isMissed(from) ? 1 : 0);
    await ctx.db.query(
      `UPDATE client_summary SET sessions_attended = sessions_attended + $2, sessions_missed = sessions_missed + $3,
         updated_at = now() WHERE client_id = $1`,
      [clientId, attended, missed],
    );
  }

  /** A new episode starts a new baseline. */
  async episodeStarted(ctx: RequestContext, clientId: string): Promise<void> {
    await ctx.db.query(
      `UPDATE client_summary SET phq9_baseline = NULL, gad7_baseline = NULL, updated_at = now() WHERE client_id = $1`,
      [clientId],
    );
  }

  async activity(ctx: RequestContext, clientId: string): Promise<void> {
    await ctx.db.query(`UPDATE client_summary SET last_activity_at = now(), updated_at = now() WHERE client_id = $1`, [
      clientId,
    ]);
  }
}

function isMissed(status: string): boolean {
  return status === 'NO_SHOW' || status === 'CANCELLED';
}
