import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { badInput, notFound } from '../../common/errors.js';
import { localDateIn } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { SummaryService } from '../summary/summary.service.js';
import { ClientAccessService } from './client-access.service.js';
import { CreateClientInput, EndEpisodeInput, StartEpisodeInput } from './client.inputs.js';
import { Client, Episode } from './client.types.js';

const EPISODE_COLUMNS = `id, client_id AS "clientId", started_on AS "startedOn", ended_on AS "endedOn", end_reason AS "endReason"`;

@Resolver(() => Client)
export class ClientResolver {
  constructor(
    private readonly access: ClientAccessService,
    private readonly summary: SummaryService,
  ) {}

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Mutation(() => Client, { description: 'Adds a client to a caseload and opens their first episode.' })
  async createClient(@Context() ctx: RequestContext, @Args('input') input: CreateClientInput): Promise<Client> {
    const user = await this.access.signedIn(ctx);
    let therapistId = user.id;
    if (user.role === Role.MANAGER) {
      if (!input.therapistId) throw badInput('therapistId', 'therapistId is required when a manager creates a client');
      therapistId = input.therapistId;
    } else if (input.therapistId && input.therapistId !== user.id) {
      throw notFound('Therapist');
    }
    const therapist = await ctx.db.one(
      `SELECT 1 FROM app_user WHERE id = $1 AND role = 'THERAPIST' AND disabled_at IS NULL`,
      [therapistId],
    );
    if (!therapist) throw notFound('Therapist');
    const [client] = await ctx.db.query<Omit<Client, 'episode'>>(
      `INSERT INTO client (practice_id, therapist_id, code, display_name, timezone)
       VALUES (cairn_current_practice(), $1, $2, $3, $4) ON CONFLICT (practice_id, code) DO NOTHING
       RETURNING id, code, display_name AS "displayName", timezone, status, therapist_id AS "therapistId",
                 share_alliance_with_client AS "shareAllianceWithClient"`,
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

  @Roles(Role.THERAPIST)
  @Mutation(() => Episode, { description: 'Opens a new episode of care; a client has at most one open.' })
  async startEpisode(@Context() ctx: RequestContext, @Args('input') input: StartEpisodeInput): Promise<Episode> {
    const client = await this.access.client(ctx, input.clientId, 'write', 'startEpisode');
    const [episode] = await ctx.db.query<Episode>(
      `INSERT INTO episode (practice_id, client_id, started_on) VALUES (cairn_current_practice(), $1, $2)
       ON CONFLICT (practice_id, client_id) WHERE ended_on IS NULL DO NOTHING RETURNING ${EPISODE_COLUMNS}`,
      [client.id, input.startedOn ?? localDateIn(client.timezone)],
    );
    if (!episode) throw badInput('clientId', 'this client already has an open episode; end it first');
    await this.summary.episodeStarted(ctx, client.id);
    return episode;
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Episode)
  async endEpisode(@Context() ctx: RequestContext, @Args('input') input: EndEpisodeInput): Promise<Episode> {
    await this.access.recordOf(ctx, 'episode', input.episodeId, 'write', 'endEpisode', 'Episode');
    const current = await ctx.db.one<{ startedOn: string; endedOn: string | null }>(
      `SELECT started_on AS "startedOn", ended_on AS "endedOn" FROM episode WHERE id = $1`,
      [input.episodeId],
    );
    if (current?.endedOn) throw badInput('episodeId', 'this episode has already ended');
    if (current && input.endedOn < current.startedOn) {
      throw badInput('endedOn', `endedOn must be on or after the episode start, ${current.startedOn}`);
    }
    const [episode] = await ctx.db.query<Episode>(
      `UPDATE episode SET ended_on = $2, end_reason = $3 WHERE id = $1 RETURNING ${EPISODE_COLUMNS}`,
      [input.episodeId, input.endedOn, input.endReason],
    );
    return episode;
  }
}
