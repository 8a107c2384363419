import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { episodeColumns, measureColumns, type Column } from '../columns.js';
import { ExportDataset } from '../export.types.js';
import { finishedCourses, measureBatches, type ExportRun } from './run.js';

/** Free text cannot start a spreadsheet formula when the file is opened (CSV injection). */
const OPTIONS = { escape_formulas: true } as const;

/**
 * The header, then one CSV chunk per cursor batch. Each batch is turned into text at once, so its
 * row objects are garbage before the next batch is fetched, however long the export.
 */
async function* chunks<T>(run: ExportRun, columns: Column<T>[], batches: AsyncIterable<T[]>): AsyncGenerator<string> {
  yield stringify([columns.map((c) => c.header)], OPTIONS);
  for await (const batch of batches) {
    yield stringify(
      batch.map((row) => columns.map((c) => c.value(row))),
      OPTIONS,
    );
    run.wrote(batch.length);
  }
}

/** CSV of finished courses or of raw responses; the pipeline carries the client's backpressure to the cursor. */
export async function writeCsv(run: ExportRun): Promise<void> {
  const { identifiable, dataset } = run.request;
  const source =
    dataset === ExportDataset.MEASURES
      ? chunks(run, measureColumns(identifiable), measureBatches(run))
      : chunks(run, episodeColumns(identifiable), finishedCourses(run));
  await pipeline(Readable.from(source, { objectMode: false }), run.out);
}
