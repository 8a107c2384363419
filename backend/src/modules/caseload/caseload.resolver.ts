import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { CaseloadService } from './caseload.service.js';
import { CaseloadRow } from './caseload.types.js';

@Resolver(() => CaseloadRow)
export class CaseloadResolver {
  constructor(private readonly caseloads: CaseloadService) {}

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Query(() => [CaseloadRow], {
    description: "A therapist's clients ranked by who needs attention first (default: the caller's own).",
  })
  caseload(
    @Context() ctx: RequestContext,
    @Args('therapistId', { type: () => ID, nullable: true }) therapistId?: string | null,
  ): Promise<CaseloadRow[]> {
    return this.caseloads.caseload(ctx, therapistId);
  }
}
