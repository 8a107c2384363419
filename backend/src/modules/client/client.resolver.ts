import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientTimeZones } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { CreateClientInput, EndEpisodeInput, StartEpisodeInput, UpdateClientInput } from './client.inputs.js';
import { ClientService } from './client.service.js';
import { Client, Episode } from './client.types.js';

@Resolver(() => Client)
export class ClientResolver {
  constructor(private readonly clients: ClientService) {}

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Query(() => [String], {
    description: 'The time zones a client may have: IANA names PostgreSQL knows (pg_timezone_names), sorted.',
  })
  async timeZones(@Context() ctx: RequestContext): Promise<string[]> {
    return [...(await clientTimeZones(ctx.db))];
  }

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Mutation(() => Client, { description: 'Adds a client to a caseload and opens their first episode.' })
  createClient(@Context() ctx: RequestContext, @Args('input') input: CreateClientInput): Promise<Client> {
    return this.clients.createClient(ctx, input);
  }

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Mutation(() => Client, {
    description: "Changes a client's time zone, display name or status (their therapist, or a manager).",
  })
  updateClient(@Context() ctx: RequestContext, @Args('input') input: UpdateClientInput): Promise<Client> {
    return this.clients.updateClient(ctx, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Episode, { description: 'Opens a new episode of care; a client has at most one open.' })
  startEpisode(@Context() ctx: RequestContext, @Args('input') input: StartEpisodeInput): Promise<Episode> {
    return this.clients.startEpisode(ctx, input);
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Episode)
  endEpisode(@Context() ctx: RequestContext, @Args('input') input: EndEpisodeInput): Promise<Episode> {
    return this.clients.endEpisode(ctx, input);
  }
}
