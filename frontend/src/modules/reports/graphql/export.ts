import { graphql } from '../../../gql';
import type { CreateExportMutation, ExportProgressQuery } from '../../../gql/graphql';

export type { ExportDataset, ExportFormat, ExportStatus } from '../../../gql/graphql';
export type Export = CreateExportMutation['createExport'];
/** rowsWritten: data rows (CSV, XLSX), resources (FHIR) or pages (PDF) written by the current or last download. */
export type ExportProgress = ExportProgressQuery['exportProgress'];

export const CREATE_EXPORT_MUTATION = graphql(`
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
`);

export const EXPORT_PROGRESS_QUERY = graphql(`
  query ExportProgress($id: ID!) {
    exportProgress(id: $id) {
      id
      status
      rowsWritten
    }
  }
`);
