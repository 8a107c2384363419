import { Args, Context, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { AuditService } from './audit.service.js';

@ObjectType({ description: 'One access to a client record: who, when, what, and whether it was allowed.' })
export class AuditEvent {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => String, { nullable: true }) actorRole!: string | null;
  @Field() action!: string;
  @Field() outcome!: string;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
  ) {}

  @Roles(Role.MANAGER)
  @Query(() => [AuditEvent], {
    description: "Who accessed a client's record, newest first (managers only; itself audited).",
  })
  async auditTrail(
    @Context() ctx: RequestContext,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('take', { type: () => Int, defaultValue: 200 }) take: number,
  ): Promise<AuditEvent[]> {
    const client = await this.access.client(ctx, clientId, 'read', 'auditTrail');
    const user = await this.access.signedIn(ctx);
    await this.audit.allowed(ctx, user, { action: 'auditTrail', subjectType: 'client', subjectId: client.id });
    return ctx.db.query<AuditEvent>(
      `SELECT a.id, a.at, a.actor_id AS "actorId", u.display_name AS "actorName", a.actor_role AS "actorRole",
              a.action, a.outcome, a.request_id AS "requestId"
         FROM audit_event a LEFT JOIN app_user u ON u.practice_id = a.practice_id AND u.id = a.actor_id
        WHERE a.subject_id = $1 ORDER BY a.at DESC LIMIT $2`,
      [client.id, Math.max(1, Math.min(take, 1000))],
    );
  }
}
