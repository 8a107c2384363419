import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { toLocalDateInput } from '../../common/lib/format';
import { readReportParams, reportSearch, type ReportParams } from '../reportParams';

/**
 * The report's period and filters, kept in the URL so a report can be shared or reloaded. A URL
 * without a period is rewritten (in place) to name the days it shows, so a copied link does not
 * drift with the calendar.
 */
export function useReportParams(): {
  params: ReportParams;
  /** Something in the URL could not be used and was replaced by a default. */
  adjusted: boolean;
  setParams: (next: ReportParams) => void;
} {
  const [search, setSearch] = useSearchParams();
  const today = toLocalDateInput(new Date());
  const { params, adjusted } = useMemo(() => readReportParams(search, today), [search, today]);
  const canonical = reportSearch(params).toString();
  const missingPeriod = !search.has('from') || !search.has('to');

  useEffect(() => {
    if (missingPeriod) setSearch(new URLSearchParams(canonical), { replace: true });
  }, [missingPeriod, canonical, setSearch]);

  const setParams = useCallback((next: ReportParams) => setSearch(reportSearch(next)), [setSearch]);
  return { params, adjusted, setParams };
}
