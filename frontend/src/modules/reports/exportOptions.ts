import type { Export, ExportDataset, ExportFormat, ExportProgress } from './graphql/export';

/** The choices offered to a manager: CSV comes as one dataset per file. */
export type ExportChoice = 'CSV_EPISODES' | 'CSV_MEASURES' | 'XLSX' | 'PDF' | 'FHIR';

export const EXPORT_CHOICES: readonly {
  choice: ExportChoice;
  format: ExportFormat;
  dataset: ExportDataset;
  label: string;
  hint: string;
}[] = [
  {
    choice: 'CSV_EPISODES',
    format: 'CSV',
    dataset: 'EPISODES',
    label: 'CSV, episodes',
    hint: 'One row per finished course that ended in the period, with first and last scores.',
  },
  {
    choice: 'CSV_MEASURES',
    format: 'CSV',
    dataset: 'MEASURES',
    label: 'CSV, measures',
    hint: 'Every questionnaire response given in the period.',
  },
  {
    choice: 'XLSX',
    format: 'XLSX',
    dataset: 'EPISODES',
    label: 'Excel workbook (XLSX)',
    hint: 'Summary, episodes and measures sheets.',
  },
  {
    choice: 'PDF',
    format: 'PDF',
    dataset: 'EPISODES',
    label: 'PDF report',
    hint: 'The outcome report, to print or share.',
  },
  {
    choice: 'FHIR',
    format: 'FHIR',
    dataset: 'EPISODES',
    label: 'FHIR R4 bundle (JSON)',
    hint: 'For another clinical system to import.',
  },
];

export function exportChoice(choice: ExportChoice): (typeof EXPORT_CHOICES)[number] {
  return EXPORT_CHOICES.find((option) => option.choice === choice) ?? EXPORT_CHOICES[0];
}

/** The words for what an export holds: 'CSV, measures' or 'PDF report'. */
export function exportLabel(format: ExportFormat, dataset: ExportDataset): string {
  const match = EXPORT_CHOICES.find(
    (option) => option.format === format && (format !== 'CSV' || option.dataset === dataset),
  );
  return match?.label ?? format;
}

/**
 * Where to download an export: the API's url when it is a path on this origin (the session
 * cookie rides along), otherwise /exports/<id>. Never another origin.
 */
export function exportHref(created: Pick<Export, 'id' | 'url'>): string {
  const url = created.url;
  if (url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')) return url;
  return `/exports/${encodeURIComponent(created.id)}`;
}

const UNIT: Record<ExportFormat, [string, string]> = {
  CSV: ['row', 'rows'],
  XLSX: ['row', 'rows'],
  FHIR: ['resource', 'resources'],
  PDF: ['page', 'pages'],
};

/** '1 row', '12,345 rows', '3 pages': what rowsWritten counts depends on the format. */
export function writtenText(format: ExportFormat, written: number): string {
  const [one, many] = UNIT[format];
  return `${new Intl.NumberFormat('en-GB').format(written)} ${written === 1 ? one : many}`;
}

/** The line under the download link for the latest progress of an export. */
export function progressText(format: ExportFormat, progress: Pick<ExportProgress, 'status' | 'rowsWritten'>): string {
  switch (progress.status) {
    case 'READY':
      return 'Waiting for the download to start…';
    case 'RUNNING':
      return `Preparing the file: ${writtenText(format, progress.rowsWritten)} written so far…`;
    case 'COMPLETE':
      return `Download complete: ${writtenText(format, progress.rowsWritten)}.`;
    case 'FAILED':
      return 'The download stopped before the end, so the file is incomplete. Use the link to try again.';
  }
}

/** Polling continues while the server may still be writing the file. */
export function isExportSettled(status: ExportProgress['status']): boolean {
  return status === 'COMPLETE' || status === 'FAILED';
}
