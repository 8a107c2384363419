import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { PracticeReportInput } from './report.inputs.js';
import { ReportService } from './report.service.js';
import { PracticeReport } from './report.types.js';

@Resolver(() => PracticeReport)
export class ReportResolver {
  constructor(private readonly reports: ReportService) {}

  @Roles(Role.MANAGER)
  @Query(() => PracticeReport, {
    description:
      'Outcomes of episodes that ended in the period, for the practice and per therapist, with confidence intervals.',
  })
  practiceReport(@Context() ctx: RequestContext, @Args('input') input: PracticeReportInput): Promise<PracticeReport> {
    return this.reports.practiceReport(ctx, input);
  }
}
