import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { requestIdOf } from '../../common/graphql.js';
import { isUuid } from '../../common/ids.js';
import type { RequestContext } from '../../common/request-context.js';
import { Public, Role } from '../../common/roles.js';
import { RequestDb } from '../../database/request-db.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import { identifiedClients } from './export-subjects.js';
import { ExportWriter } from './export-writer.service.js';
import { ExportService } from './export.service.js';

/** A download submits nothing: any submission through this context would be refused. */
const NO_SUBMISSIONS = new RateLimiter('none', 0, 60);

function refuse(res: Response, status: 401 | 404, code: 'UNAUTHENTICATED' | 'NOT_FOUND', message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * GET /exports/:id streams an export to the manager who created it, with the same session cookie
 * as the API. Public to the guard because it signs the caller in itself; every download, and
 * every refusal, is audited before a byte of data leaves.
 */
@Controller('exports')
export class ExportController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly exports: ExportService,
    private readonly writer: ExportWriter,
  ) {}

  @Public()
  @Get(':id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = this.contextOf(req, res);
    try {
      const user = await ctx.user();
      const request = user?.role === Role.MANAGER && isUuid(id) ? this.exports.find(user, id) : undefined;
      const subject = { subjectType: 'export', subjectId: isUuid(id) ? id : null };
      if (!user || !request) {
        await ctx.db.finish(true);
        await this.audit.denied(ctx, user, 'exportDownload', subject);
        if (!user) refuse(res, 401, 'UNAUTHENTICATED', 'Sign in required');
        else refuse(res, 404, 'NOT_FOUND', 'Export not found');
        return;
      }
      await this.audit.allowed(ctx, user, {
        action: request.identifiable ? 'exportDownloadIdentifiable' : 'exportDownload',
        ...subject,
      });
      // And one row per client named in the file, so each client's own trail shows the export.
      const named = await identifiedClients(ctx.db, request);
      await this.audit.allowedMany(ctx, user, 'exportDownloadIdentifiable', 'client', named);
      await ctx.db.finish(true);
      await this.writer.stream(request, res, ctx.requestId);
    } finally {
      // Nothing to undo after a commit above; after an error, nothing of this request stays.
      await ctx.db.finish(false);
    }
  }

  /** The same per-request context the GraphQL endpoint builds, so AuthService.resolve works unchanged. */
  private contextOf(req: Request, res: Response): RequestContext {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const ctx: RequestContext = {
      req,
      res,
      requestId,
      db: new RequestDb(this.dataSource, requestId),
      submissions: NO_SUBMISSIONS,
      user: async () => {
        if (ctx.signedIn === undefined) ctx.signedIn = await this.auth.resolve(ctx);
        return ctx.signedIn;
      },
    };
    return ctx;
  }
}
