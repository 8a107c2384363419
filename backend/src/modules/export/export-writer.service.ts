import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CairnLogger } from '../../common/logger.js';
import { Role } from '../../common/roles.js';
import { RequestDb } from '../../database/request-db.js';
import { ReportService } from '../report/report.service.js';
import type { ExportRequest } from './export.service.js';
import { ExportFormat, ExportStatus } from './export.types.js';
import { ExportAborted, type ExportRun } from './formats/run.js';

// Each writer is loaded on its first use: exceljs and pdfkit alone add ~40 MB to a server that may never export.
const FORMATS: Record<
  ExportFormat,
  { contentType: string; extension: string; write: (run: ExportRun) => Promise<void> }
> = {
  [ExportFormat.CSV]: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    write: async (run) => (await import('./formats/csv.js')).writeCsv(run),
  },
  [ExportFormat.XLSX]: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    write: async (run) => (await import('./formats/xlsx.js')).writeXlsx(run),
  },
  [ExportFormat.PDF]: {
    contentType: 'application/pdf',
    extension: 'pdf',
    write: async (run) => (await import('./formats/pdf.js')).writePdf(run),
  },
  [ExportFormat.FHIR]: {
    contentType: 'application/fhir+json; charset=utf-8',
    extension: 'json',
    write: async (run) => (await import('./formats/fhir.js')).writeFhir(run),
  },
};

function fileName(r: ExportRequest): string {
  const what =
    r.format === ExportFormat.CSV ? r.dataset.toLowerCase() : r.format === ExportFormat.FHIR ? 'fhir' : 'outcomes';
  return `cairn-${what}-${r.from}-to-${r.to}${r.identifiable ? '-identifiable' : ''}.${FORMATS[r.format].extension}`;
}

/**
 * Streams one export to the response from a read-only, repeatable-read transaction bound to the
 * manager's practice, so row-level security applies and every sheet sees the same snapshot.
 */
@Injectable()
export class ExportWriter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly reports: ReportService,
    private readonly logger: CairnLogger,
  ) {}

  async stream(request: ExportRequest, res: Response, requestId: string): Promise<void> {
    const format = FORMATS[request.format];
    request.status = ExportStatus.RUNNING;
    request.rowsWritten = 0;
    res.status(200);
    res.setHeader('content-type', format.contentType);
    res.setHeader('content-disposition', `attachment; filename="${fileName(request)}"`);
    res.setHeader('cache-control', 'no-store');
    const db = new RequestDb(this.dataSource, requestId);
    const started = Date.now();
    try {
      // First statement of the transaction, before the tenant is set: the snapshot is fixed here.
      await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await db.setTenant({ practiceId: request.practiceId, userId: request.userId, role: Role.MANAGER });
      await db.longRunning();
      await format.write({
        db,
        request,
        out: res,
        reports: this.reports,
        wrote: (rows) => (request.rowsWritten += rows),
      });
      await db.finish(true);
      request.status = ExportStatus.COMPLETE;
      this.logger.event('info', 'export streamed', {
        requestId,
        exportId: request.id,
        durationMs: Date.now() - started,
      });
    } catch (error) {
      await db.finish(false).catch(() => undefined);
      request.status = ExportStatus.FAILED;
      // A client that hangs up ends a pipeline with ERR_STREAM_PREMATURE_CLOSE, a batch loop with ExportAborted.
      const aborted =
        error instanceof ExportAborted || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE';
      this.logger.event(aborted ? 'info' : 'error', aborted ? 'export stopped by the client' : 'export failed', {
        requestId,
        exportId: request.id,
        errorName: (error as Error).name,
      });
      if (!res.headersSent) {
        res.status(500).setHeader('content-type', 'application/json').removeHeader('content-disposition');
        res.end(
          JSON.stringify({
            errors: [
              { message: 'The export failed; please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ],
          }),
        );
      } else if (!res.destroyed) {
        // A truncated file must not look complete.
        res.destroy();
      }
    }
  }
}
