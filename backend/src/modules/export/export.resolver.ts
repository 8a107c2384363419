import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badInput, notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { checkPeriod } from '../report/report.service.js';
import { CreateExportInput } from './export.inputs.js';
import { ExportService, toExport } from './export.service.js';
import { Export, ExportDataset, ExportFormat, ExportProgress } from './export.types.js';

@Resolver(() => Export)
export class ExportResolver {
  constructor(
    private readonly exports: ExportService,
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
  ) {}

  @Roles(Role.MANAGER)
  @Mutation(() => Export, { description: 'Prepares an export of the period; download it from url. Always audited.' })
  async createExport(@Context() ctx: RequestContext, @Args('input') input: CreateExportInput): Promise<Export> {
    const user = await this.access.signedIn(ctx);
    checkPeriod(input);
    const dataset = input.dataset ?? ExportDataset.EPISODES;
    if (dataset !== ExportDataset.EPISODES && input.format !== ExportFormat.CSV) {
      throw badInput(
        'dataset',
        'dataset applies to CSV only; XLSX, PDF and FHIR exports hold every dataset they support',
      );
    }
    const request = this.exports.create(user, {
      format: input.format,
      dataset,
      from: input.from,
      to: input.to,
      identifiable: input.identifiable ?? false,
    });
    await this.audit.allowed(ctx, user, { action: 'export', subjectType: 'export', subjectId: request.id });
    return toExport(request);
  }

  @Roles(Role.MANAGER)
  @Query(() => ExportProgress, { description: 'How far the download of one of your exports has got.' })
  async exportProgress(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ExportProgress> {
    const user = await this.access.signedIn(ctx);
    const request = isUuid(id) ? this.exports.find(user, id) : undefined;
    if (!request) {
      await this.audit.denied(ctx, user, 'exportProgress', {
        subjectType: 'export',
        subjectId: isUuid(id) ? id : null,
      });
      throw notFound('Export');
    }
    return { id: request.id, status: request.status, rowsWritten: request.rowsWritten };
  }
}
