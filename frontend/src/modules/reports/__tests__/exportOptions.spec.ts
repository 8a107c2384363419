import { describe, expect, it } from '@jest/globals';
import { exportChoice, exportHref, exportLabel, isExportSettled, progressText, writtenText } from '../exportOptions';

describe('export options', () => {
  it('maps each choice to the format and dataset createExport takes', () => {
    expect(exportChoice('CSV_EPISODES')).toMatchObject({ format: 'CSV', dataset: 'EPISODES' });
    expect(exportChoice('CSV_MEASURES')).toMatchObject({ format: 'CSV', dataset: 'MEASURES' });
    expect(exportChoice('XLSX').format).toBe('XLSX');
    expect(exportChoice('PDF').format).toBe('PDF');
    expect(exportChoice('FHIR').format).toBe('FHIR');
  });

  it('names what an export holds', () => {
    expect(exportLabel('CSV', 'MEASURES')).toBe('CSV, measures');
    expect(exportLabel('PDF', 'EPISODES')).toBe('PDF report');
  });

  it('downloads from this origin only', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(exportHref({ id, url: `/exports/${id}` })).toBe(`/exports/${id}`);
    expect(exportHref({ id, url: `https://elsewhere.example/exports/${id}` })).toBe(`/exports/${id}`);
    expect(exportHref({ id, url: `//elsewhere.example/exports/${id}` })).toBe(`/exports/${id}`);
  });

  it('counts what was written in the unit of the format', () => {
    expect(writtenText('CSV', 1)).toBe('1 row');
    expect(writtenText('XLSX', 12345)).toBe('12,345 rows');
    expect(writtenText('FHIR', 3)).toBe('3 resources');
    expect(writtenText('PDF', 2)).toBe('2 pages');
  });

  it('describes each state of a download and stops polling once it settles', () => {
    expect(progressText('CSV', { status: 'RUNNING', rowsWritten: 25000 })).toBe(
      'Preparing the file: 25,000 rows written so far…',
    );
    expect(progressText('PDF', { status: 'COMPLETE', rowsWritten: 4 })).toBe('Download complete: 4 pages.');
    expect(progressText('CSV', { status: 'FAILED', rowsWritten: 10 })).toContain('incomplete');
    expect(isExportSettled('RUNNING')).toBe(false);
    expect(isExportSettled('READY')).toBe(false);
    expect(isExportSettled('COMPLETE')).toBe(true);
    expect(isExportSettled('FAILED')).toBe(true);
  });
});
