import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { episodeColumns, measureColumns, type Cell, type Column } from '../columns.js';
import { ExportDataset } from '../export.types.js';
import { finishedCourses, measureBatches, type ExportRun } from './run.js';

/** Header, then one record per row, pulled batch by batch from the cursor as the client reads. */
async function* records<T>(run: ExportRun, columns: Column<T>[], batches: AsyncIterable<T[]>): AsyncGenerator<Cell[]> {
  yield columns.map((c) => c.header);
  for await (const batch of batches) {
    for (const row of batch) yield columns.map((c) => c.value(row));
    run.wrote(batch.length);
  }
}

/** CSV of finished courses or of raw responses; the pipeline carries the client's backpressure to the cursor. */
export async function writeCsv(run: ExportRun): Promise<void> {
  const { identifiable, dataset } = run.request;
  const source =
    dataset === ExportDataset.MEASURES
      ? records(run, measureColumns(identifiable), measureBatches(run, null))
      : records(run, episodeColumns(identifiable), finishedCourses(run));
  await pipeline(Readable.from(source), stringify({ eof: true }), run.out);
}
