import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  PDF = 'PDF',
  FHIR = 'FHIR',
}
export enum ExportDataset {
  EPISODES = 'EPISODES',
  MEASURES = 'MEASURES',
}
export enum ExportStatus {
  READY = 'READY',
  RUNNING = 'RUNNING',
  COMPLETE = 'COMPLETE',
  FAILED = 'FAILED',
}
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'CSV (one dataset), XLSX (summary, episodes and measures sheets), PDF (report), FHIR (R4 Bundle, JSON).',
});
registerEnumType(ExportDataset, {
  name: 'ExportDataset',
  description: 'For CSV: EPISODES (one row per finished course) or MEASURES (raw questionnaire responses).',
});
registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  description: 'READY to download, RUNNING while streaming, COMPLETE or FAILED after the last download.',
});

@ObjectType({ description: 'An export request; GET url with the same session to download it (within an hour).' })
export class Export {
  @Field(() => ID) id!: string;
  @Field(() => ExportFormat) format!: ExportFormat;
  @Field(() => ExportDataset) dataset!: ExportDataset;
  @Field() from!: string;
  @Field() to!: string;
  @Field() identifiable!: boolean;
  @Field(() => ExportStatus) status!: ExportStatus;
  @Field() url!: string;
  @Field() createdAt!: Date;
  @Field() expiresAt!: Date;
}

@ObjectType()
export class ExportProgress {
  @Field(() => ID) id!: string;
  @Field(() => ExportStatus) status!: ExportStatus;
  @Field(() => Int, {
    description: 'Data rows (CSV, XLSX), resources (FHIR) or pages (PDF) written by the current or last download.',
  })
  rowsWritten!: number;
}
