import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../../common/errors.js';
import { checkClientTimeZone, localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role } from '../../common/roles.js';
import { EARLIEST_DATE } from '../../common/validation.js';
import { AuditService } from '../audit/audit.service.js';
import { SummaryService } from '../summary/summary.service.js';
import { ClientAccessService } from './client-access.service.js';
import type { CreateClientInput, EndEpisodeInput, StartEpisodeInput, UpdateClientInput } from './client.inputs.js';
import type { Client, Episode } from './client.types.js';

const EPISODE_COLUMNS = `id, client_id AS "clientId", started_on AS "startedOn", ended_on AS "endedOn", end_reason AS "endReason"`;
const CLIENT_RETURNING = `id, code, display_name AS "displayName", timezone, status, therapist_id AS "therapistId",
  share_alliance_with_client AS "shareAllianceWithClient"`;

/** PostgreSQL's code for a row the episode_no_overlap exclusion constraint refused. */
const EXCLUSION_VIOLATION = '23P01';

/** Clients and their episodes of care: who they are, their time zone, and when care started and ended. */
@Injectable()
export class ClientService {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
    private readonly summary: SummaryService,
  ) {}

  async createClient(ctx: RequestContext, input: CreateClientInput): Promise<Client> {
    const user = await this.access.signedIn(ctx);
    let therapistId = user.id;
    if (user.role === Role.MANAGER) {
      if (!input.therapistId) throw badInput('therapistId', 'therapistId is required when a manager creates a client');
      therapistId = input.therapistId;
    } else if (input.therapistId && input.therapistId !== user.id) {
      throw notFound('Therapist');
    }
    await checkClientTimeZone(ctx.db, 'timezone', input.timezone);
    const therapist = await ctx.db.one(
      `SELECT 1 FROM app_user WHERE id = $1 AND role = 'THERAPIST' AND disabled_at IS NULL`,
      [therapistId],
    );
    if (!therapist) throw notFound('Therapist');
    const [client] = await ctx.db.query<Omit<Client, 'episode'>>(
      `INSERT INTO client (practice_id, therapist_id, code, display_name, timezone)
       VALUES (cairn_current_practice(), $1, $2, $3, $4) ON CONFLICT (practice_id, code) DO NOTHING
       RETURNING ${CLIENT_RETURNING}`,
      [therapistId, input.code, input.displayName ?? null, input.timezone],
    );
    if (!client) throw badInput('code', `code ${input.code} is already used by another client of this practice`);
    const [episode] = await ctx.db.query<Episode>(
      `INSERT INTO episode (practice_id, client_id, started_on) VALUES (cairn_current_practice(), $1, $2)
       RETURNING ${EPISODE_COLUMNS}`,
      [client.id, localDateIn(input.timezone)],
    );
    await ctx.db.query(
      `INSERT INTO client_summary (practice_id, client_id, therapist_id) VALUES (cairn_current_practice(), $1, $2)`,
      [client.id, therapistId],
    );
    return { ...client, episode };
  }

  /** Time zone, display name and status; a field left out stays as it is (displayName null clears it). */
  async updateClient(ctx: RequestContext, input: UpdateClientInput): Promise<Client> {
    const user = await this.access.signedIn(ctx);
    const client = await this.access.client(ctx, input.clientId, 'manage', 'updateClient');
    if (input.timezone != null) await checkClientTimeZone(ctx.db, 'timezone', input.timezone);
    if (input.status === 'DISCHARGED' && client.status !== 'DISCHARGED') {
      const open = await ctx.db.one(`SELECT 1 FROM episode WHERE client_id = $1 AND ended_on IS NULL`, [client.id]);
      if (open) throw badInput('status', 'end the open episode (endEpisode) before discharging the client');
    }
    const [updated] = await ctx.db.query<Omit<Client, 'episode'>>(
      `UPDATE client SET display_name = CASE WHEN $2 THEN $3 ELSE display_name END,
              timezone = COALESCE($4, timezone), status = COALESCE($5, status)
        WHERE id = $1 RETURNING ${CLIENT_RETURNING}`,
      [
        client.id,
        input.displayName !== undefined,
        input.displayName ?? null,
        input.timezone ?? null,
        input.status ?? null,
      ],
    );
    await this.audit.allowed(ctx, user, { action: 'updateClient', subjectType: 'client', subjectId: client.id });
    const episode = await ctx.db.one<Episode>(
      `SELECT ${EPISODE_COLUMNS} FROM episode WHERE client_id = $1
        ORDER BY (ended_on IS NULL) DESC, started_on DESC LIMIT 1`,
      [client.id],
    );
    return { ...updated, episode: episode ?? null };
  }

  /** A new episode starts between 1900 and the client's today, after every earlier one ended. */
  async startEpisode(ctx: RequestContext, input: StartEpisodeInput): Promise<Episode> {
    const client = await this.access.client(ctx, input.clientId, 'write', 'startEpisode');
    const today = localDateIn(client.timezone);
    const startedOn = input.startedOn ?? today;
    if (startedOn < EARLIEST_DATE) throw badInput('startedOn', `startedOn must be on or after ${EARLIEST_DATE}`);
    if (startedOn > today) throw badInput('startedOn', `startedOn must not be after today (${today} for this client)`);
    const clash = await ctx.db.one<{ endedOn: string | null }>(
      `SELECT ended_on AS "endedOn" FROM episode
        WHERE client_id = $1 AND daterange(started_on, ended_on, '[]') && daterange($2::date, NULL, '[]')
        ORDER BY (ended_on IS NULL) DESC LIMIT 1`,
      [client.id, startedOn],
    );
    if (clash?.endedOn === null) throw badInput('clientId', 'this client already has an open episode; end it first');
    if (clash) throw badInput('startedOn', `startedOn must be after the previous episode ended (${clash.endedOn})`);
    let episode: Episode | undefined;
    try {
      [episode] = await ctx.db.query<Episode>(
        `INSERT INTO episode (practice_id, client_id, started_on) VALUES (cairn_current_practice(), $1, $2)
         ON CONFLICT (practice_id, client_id) WHERE ended_on IS NULL DO NOTHING RETURNING ${EPISODE_COLUMNS}`,
        [client.id, startedOn],
      );
    } catch (error) {
      // Another request started an overlapping episode between the check and the insert.
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION) {
        throw badInput('startedOn', 'startedOn overlaps another episode of this client');
      }
      throw error;
    }
    if (!episode) throw badInput('clientId', 'this client already has an open episode; end it first');
    await this.summary.episodeStarted(ctx, client.id);
    return episode;
  }

  /** An episode ends on or after its start and never after the client's today. */
  async endEpisode(ctx: RequestContext, input: EndEpisodeInput): Promise<Episode> {
    const client = await this.access.recordOf(ctx, 'episode', input.episodeId, 'write', 'endEpisode', 'Episode');
    const current = await ctx.db.one<{ startedOn: string; endedOn: string | null }>(
      `SELECT started_on AS "startedOn", ended_on AS "endedOn" FROM episode WHERE id = $1`,
      [input.episodeId],
    );
    if (current?.endedOn) throw badInput('episodeId', 'this episode has already ended');
    if (current && input.endedOn < current.startedOn) {
      throw badInput('endedOn', `endedOn must be on or after the episode start, ${current.startedOn}`);
    }
    const today = localDateIn(client.timezone);
    if (input.endedOn > today) throw badInput('endedOn', `endedOn must not be after today (${today} for this client)`);
    const [episode] = await ctx.db.query<Episode>(
      `UPDATE episode SET ended_on = $2, end_reason = $3 WHERE id = $1 RETURNING ${EPISODE_COLUMNS}`,
      [input.episodeId, input.endedOn, input.endReason],
    );
    return episode;
  }
}
