import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { ClinicalModule } from './clinical.module.js';
import { ExportWriter } from './export/export-writer.service.js';
import { ExportController } from './export/export.controller.js';
import { ExportResolver } from './export/export.resolver.js';
import { ExportService } from './export/export.service.js';
import { ReportResolver } from './report/report.resolver.js';
import { ReportService } from './report/report.service.js';

/** Practice outcome reports and their exports (CSV, XLSX, PDF, FHIR), for managers. */
@Module({
  imports: [AuthModule, ClinicalModule],
  providers: [ReportService, ReportResolver, ExportService, ExportWriter, ExportResolver],
  controllers: [ExportController],
})
export class ReportingModule {}
