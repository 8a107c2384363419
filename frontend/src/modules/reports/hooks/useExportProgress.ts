import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { asErrorLike, describeApiError, type ApiError } from '../../common/lib/errors';
import { EXPORT_PROGRESS_QUERY, type ExportProgress } from '../graphql/export';
import { isExportSettled } from '../exportOptions';

const POLL_MS = 1000;
/** A download the browser never started (a cancelled save dialog) stops the polling after this. */
const START_TIMEOUT_MS = 30_000;

/**
 * How far the download of an export has got. The server writes the file while the browser
 * downloads it, so polling runs from the moment the link is used until the download settles.
 */
export function useExportProgress(exportId: string | null) {
  const client = useApolloClient();
  const [run, setRun] = useState(0);
  const [watching, setWatching] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [notStarted, setNotStarted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // A new export starts quiet.
  useEffect(() => {
    setRun(0);
    setWatching(false);
    setProgress(null);
    setNotStarted(false);
    setError(null);
  }, [exportId]);

  useEffect(() => {
    if (!exportId || run === 0) return;
    let stopped = false;
    let timer: number | undefined;
    let polls = 0;
    let sawUnsettled = false;
    const started = Date.now();
    const stop = () => {
      stopped = true;
      setWatching(false);
    };

    const poll = async () => {
      polls += 1;
      try {
        const { data } = await client.query({
          query: EXPORT_PROGRESS_QUERY,
          variables: { id: exportId },
          fetchPolicy: 'network-only',
        });
        if (stopped || !data) return;
        const latest = data.exportProgress;
        // The first answer can still describe the previous download of the same link; a settled
        // status counts once this download has been seen running, or from the second poll on.
        if (isExportSettled(latest.status) && !sawUnsettled && polls === 1) {
          timer = window.setTimeout(() => void poll(), POLL_MS);
          return;
        }
        setProgress(latest);
        if (!isExportSettled(latest.status)) sawUnsettled = true;
        if (isExportSettled(latest.status)) return stop();
        if (latest.status === 'READY' && Date.now() - started > START_TIMEOUT_MS) {
          setNotStarted(true);
          return stop();
        }
        timer = window.setTimeout(() => void poll(), POLL_MS);
      } catch (thrown) {
        if (stopped) return;
        setError(describeApiError(asErrorLike(thrown)));
        stop();
      }
    };

    setWatching(true);
    setNotStarted(false);
    setError(null);
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [client, exportId, run]);

  /** Call as the download link is used. */
  const watch = useCallback(() => setRun((count) => count + 1), []);
  return { progress, watching, notStarted, error, watch };
}
