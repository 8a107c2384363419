import ExcelJS from 'exceljs';
import { episodeColumns, measureColumns, SUMMARY_COLUMNS, summaryRows, type Column } from '../columns.js';
import { drained, finishedCourses, measureBatches, type ExportRun } from './run.js';

/** Excel's limit is 1,048,576 rows a sheet; the header takes one, and a longer dataset continues on a new sheet. */
const MAX_DATA_ROWS = 1_048_575;

type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/**
 * Writes rows to one sheet (or, past Excel's row limit, to "Name (2)" and so on), each row committed
 * as it is added so the workbook writer never holds a sheet in memory; waits for the client between batches.
 */
async function writeSheet<T>(
  run: ExportRun,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column<T>[],
  batches: AsyncIterable<T[]> | Iterable<T[]>,
): Promise<void> {
  let part = 1;
  let sheet: SheetWriter = open();
  let rows = 0;
  function open(): SheetWriter {
    const s = workbook.addWorksheet(part === 1 ? name : `${name} (${part})`);
    s.addRow(columns.map((c) => c.header)).commit();
    return s;
  }
  for await (const batch of batches) {
    for (const row of batch) {
      if (rows === MAX_DATA_ROWS) {
        sheet.commit();
        part += 1;
        sheet = open();
        rows = 0;
      }
      sheet.addRow(columns.map((c) => c.value(row))).commit();
      rows += 1;
    }
    run.wrote(batch.length);
    await drained(run.out);
  }
  sheet.commit();
}

/** Summary (the report as a table), Episodes (finished courses) and Measures (raw responses). */
export async function writeXlsx(run: ExportRun): Promise<void> {
  const { from, to, identifiable } = run.request;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: run.out,
    useStyles: false,
    useSharedStrings: false,
  });
  workbook.creator = 'Cairn';
  const report = await run.reports.build(run.db, { from, to }, 'PHQ9', null);
  await writeSheet(run, workbook, 'Summary', SUMMARY_COLUMNS, [summaryRows(report)]);
  await writeSheet(run, workbook, 'Episodes', episodeColumns(identifiable), finishedCourses(run));
  await writeSheet(run, workbook, 'Measures', measureColumns(identifiable), measureBatches(run));
  await workbook.commit();
}
