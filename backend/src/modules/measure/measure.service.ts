import { Injectable } from '@nestjs/common';
import {
  getInstrument,
  severityBand,
  validateAnswers,
  validateInstrumentDefinition,
  type InstrumentDefinition,
} from '@cairn/shared';
import { badInput } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import { parseJsonArgument } from '../../common/validation.js';
import type { VisibleClient } from '../client/client-access.service.js';
import { SummaryService } from '../summary/summary.service.js';
import { CONTEXT_EPISODE } from './measure.sql.js';
import type { MeasureResponse } from './measure.types.js';

export interface NewResponse {
  client: VisibleClient;
  definition: InstrumentDefinition;
  answers: number[];
  source: 'CLIENT' | 'RATING_LINK' | 'THERAPIST';
  sessionId?: string | null;
  comment?: string | null;
  helpNow?: boolean;
}

/** Scores and stores questionnaire and rating responses; the one place answers are checked. */
@Injectable()
export class MeasureService {
  constructor(private readonly summary: SummaryService) {}

  /** A built-in instrument, or the latest version of one the practice added. */
  async instrument(ctx: RequestContext, code: string): Promise<InstrumentDefinition> {
    const builtIn = getInstrument(code);
    if (builtIn) return builtIn;
    const row = await ctx.db.one<{ definition: InstrumentDefinition }>(
      `SELECT definition FROM practice_instrument WHERE code = $1 ORDER BY created_at DESC LIMIT 1`,
      [code],
    );
    if (!row) throw badInput('instrumentCode', `instrumentCode ${code} is not an instrument of this practice`);
    return row.definition;
  }

  async practiceInstruments(ctx: RequestContext): Promise<InstrumentDefinition[]> {
    const rows = await ctx.db.query<{ definition: InstrumentDefinition }>(
      `SELECT DISTINCT ON (code) definition FROM practice_instrument ORDER BY code, created_at DESC`,
    );
    return rows.map((r) => r.definition);
  }

  async addPracticeInstrument(ctx: RequestContext, json: string): Promise<InstrumentDefinition> {
    const value = parseJsonArgument(json, 'definition', 'a JSON instrument definition');
    const issues = validateInstrumentDefinition(value);
    if (issues.length > 0) throw badInput(`definition.${issues[0].field}`, issues[0].message);
    const definition = value as InstrumentDefinition;
    if (getInstrument(definition.code))
      throw badInput('definition.code', `code ${definition.code} is a built-in instrument`);
    const rows = await ctx.db.query(
      `INSERT INTO practice_instrument (practice_id, code, version, definition) VALUES (cairn_current_practice(), $1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING code`,
      [definition.code, definition.version, JSON.stringify(definition)],
    );
    if (rows.length === 0)
      throw badInput('definition.version', `version ${definition.version} of ${definition.code} already exists`);
    return definition;
  }

  /**
   * Validates every answer (naming the item and its range), then records the response. A rating of a
   * session belongs to that session's episode, even when it arrives after the episode ended; any
   * other response belongs to the episode open now. With no open episode (ended, or none yet) it is
   * still the client's, stored with no episode so that it never moves a finished episode's outcome;
   * it is shown with the latest episode started by then (CONTEXT_EPISODE) and judged for RISK.
   */
  async record(ctx: RequestContext, r: NewResponse): Promise<MeasureResponse> {
    const issues = validateAnswers(r.definition, r.answers);
    if (issues.length > 0) throw badInput(issues[0].field, issues[0].message);
    const total = r.answers.reduce((a, b) => a + b, 0);
    // The rated session is read once: for the response's episode and for the number it returns.
    const [row] = await ctx.db.query<Omit<MeasureResponse, 'band'>>(
      `WITH s AS (SELECT episode_id, number FROM therapy_session WHERE id = $2 AND client_id = $1)
       INSERT INTO measure_response AS m (practice_id, client_id, episode_id, session_id, instrument_code, instrument_version,
                                     answers, total, comment, help_now, source)
       VALUES (cairn_current_practice(), $1,
               COALESCE((SELECT episode_id FROM s), (SELECT id FROM episode WHERE client_id = $1 AND ended_on IS NULL)),
               $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (practice_id, session_id) WHERE instrument_code = 'ALLIANCE4' DO NOTHING
       RETURNING id, instrument_code AS "instrumentCode", answers, total, submitted_at AS "submittedAt",
                 session_id AS "sessionId", (SELECT number FROM s) AS "sessionNumber", comment, help_now AS "helpNow",
                 episode_id AS "episodeId", ${CONTEXT_EPISODE} AS "contextEpisodeId"`,
      [
        r.client.id,
        r.sessionId ?? null,
        r.definition.code,
        r.definition.version,
        r.answers,
        total,
        r.comment ?? null,
        r.helpNow ?? false,
        r.source,
      ],
    );
    if (!row) throw badInput('sessionId', 'this session already has an alliance rating');
    await this.summary.measureRecorded(ctx, r.client.id, r.definition.code, total);
    return { ...row, band: bandOf(r.definition, total) };
  }
}

export function bandOf(definition: InstrumentDefinition | string, total: number): string | null {
  try {
    return severityBand(definition, total);
  } catch {
    return null;
  }
}
