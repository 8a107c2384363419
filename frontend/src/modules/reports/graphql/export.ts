import { gql } from '@apollo/client';

export type ExportFormat = 'CSV' | 'XLSX' | 'PDF' | 'FHIR';
/** For CSV: EPISODES (one row per finished course) or MEASURES (raw questionnaire responses). */
export type ExportDataset = 'EPISODES' | 'MEASURES';
/** READY to download, RUNNING while streaming, COMPLETE or FAILED after the last download. */
export type ExportStatus = 'READY' | 'RUNNING' | 'COMPLETE' | 'FAILED';

export interface Export {
  __typename?: 'Export';
  id: string;
  format: ExportFormat;
  dataset: ExportDataset;
  from: string;
  to: string;
  identifiable: boolean;
  status: ExportStatus;
  url: string;
  createdAt: string;
  expiresAt: string;
}

export interface CreateExportInput {
  format: ExportFormat;
  /** CSV only. */
  dataset?: ExportDataset;
  from: string;
  to: string;
  identifiable: boolean;
}

export interface CreateExportResult {
  createExport: Export;
}
export interface CreateExportVariables {
  input: CreateExportInput;
}

export const CREATE_EXPORT_MUTATION = gql`
  mutation CreateExport($input: CreateExportInput!) {
    createExport(input: $input) {
      id
      format
      dataset
      from
      to
      identifiable
      status
      url
      createdAt
      expiresAt
    }
  }
`;

export interface ExportProgress {
  __typename?: 'ExportProgress';
  id: string;
  status: ExportStatus;
  /** Data rows (CSV, XLSX), resources (FHIR) or pages (PDF) written by the current or last download. */
  rowsWritten: number;
}

export interface ExportProgressQueryResult {
  exportProgress: ExportProgress;
}
export interface ExportProgressQueryVariables {
  id: string;
}

export const EXPORT_PROGRESS_QUERY = gql`
  query ExportProgress($id: ID!) {
    exportProgress(id: $id) {
      id
      status
      rowsWritten
    }
  }
`;
