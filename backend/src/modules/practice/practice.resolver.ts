import { Context, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';

@ObjectType({ description: 'A therapist of the practice, for managers choosing whose caseload or report to open.' })
export class Therapist {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field(() => Int, { description: 'Clients not discharged.' }) activeClients!: number;
  @Field(() => Int, { description: 'Of those, clients with an unresolved flag.' }) flaggedClients!: number;
}

@Resolver(() => Therapist)
export class PracticeResolver {
  @Roles(Role.MANAGER)
  @Query(() => [Therapist], { description: "The practice's therapists with caseload counts (aggregates only)." })
  therapists(@Context() ctx: RequestContext): Promise<Therapist[]> {
    return ctx.db.query<Therapist>(
      `SELECT u.id, u.display_name AS "displayName",
              count(c.id) FILTER (WHERE c.status <> 'DISCHARGED')::int AS "activeClients",
              count(DISTINCT f.client_id)::int AS "flaggedClients"
         FROM app_user u
         LEFT JOIN client c ON c.practice_id = u.practice_id AND c.therapist_id = u.id
         LEFT JOIN flag f ON f.practice_id = c.practice_id AND f.client_id = c.id AND f.status IN ('OPEN', 'ACKNOWLEDGED')
        WHERE u.role = 'THERAPIST' AND u.disabled_at IS NULL
        GROUP BY u.id, u.display_name ORDER BY u.display_name`,
    );
  }
}
