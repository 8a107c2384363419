import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { formatLocalDate, toLocalDateInput } from '../../common/lib/format';
import { THERAPISTS_QUERY } from '../../therapists/graphql/therapists';
import { alphabetical } from '../../therapists/therapistOrder';
import { placeFunnelPoints, type FunnelPosition } from '../funnel';
import { PRACTICE_REPORT_QUERY, type PracticeReport } from '../graphql/report';
import { useReportParams } from '../hooks/useReportParams';
import { formatCount, insufficientDataText, instrumentLabel, plural } from '../reportFigures';
import { reportSearch, type ReportParams } from '../reportParams';
import { ExportPanel } from './ExportPanel';
import { FunnelPlot } from './FunnelPlot';
import { HeadlineFigures } from './HeadlineFigures';
import { ReportFiltersForm } from './ReportFiltersForm';
import { TherapistOutcomesTable } from './TherapistOutcomesTable';
import './reports.css';

/**
 * Practice outcome reports for a manager: headline figures with 95% intervals, a funnel plot of
 * therapists' recovery rates (never a league table), outcomes per therapist in alphabetical order,
 * and exports. The period and filters live in the URL so a report can be shared.
 */
export function ReportsPage() {
  useDocumentTitle('Reports');
  const { me } = useMe();
  const today = toLocalDateInput(new Date());
  const { params, adjusted, setParams } = useReportParams();
  const { data, loading, error, refetch } = useQuery(PRACTICE_REPORT_QUERY, {
    variables: {
      input: {
        from: params.from,
        to: params.to,
        instrument: params.instrument,
        therapistIds: params.therapistId ? [params.therapistId] : null,
      },
    },
    fetchPolicy: 'cache-and-network',
  });
  const therapistsQuery = useQuery(THERAPISTS_QUERY, { fetchPolicy: 'cache-first' });
  const therapists = useMemo(
    () =>
      alphabetical(
        therapistsQuery.data?.therapists ?? [],
        (therapist) => therapist.displayName,
        (therapist) => therapist.id,
      ),
    [therapistsQuery.data],
  );
  const report = data?.practiceReport ?? null;
  const selectedName =
    params.therapistId === null
      ? null
      : (report?.therapists.find((row) => row.therapistId === params.therapistId)?.therapistName ??
        therapists.find((therapist) => therapist.id === params.therapistId)?.displayName ??
        'the selected therapist');

  return (
    <div className="page page--wide reports">
      <header className="page__header">
        <div>
          <h1>Outcome reports</h1>
          <p className="page__lede">
            {me ? `${me.practiceName} · ` : ''}episodes that ended {formatLocalDate(params.from)} to{' '}
            {formatLocalDate(params.to)}
            {selectedName ? ` · ${selectedName}` : ''}
          </p>
        </div>
      </header>
      <ReportFiltersForm
        key={reportSearch(params).toString()}
        params={params}
        therapists={therapists}
        today={today}
        onApply={setParams}
      />
      {adjusted && (
        <p className="notice" role="status">
          Part of this link could not be used (a date, therapist or instrument was not valid), so this report shows the
          period and filters above instead.
        </p>
      )}
      <div aria-live="polite" className="visually-hidden">
        {report ? `Report loaded: ${plural(report.practice.finishedEpisodes, 'finished episode')}.` : ''}
      </div>
      {loading && !report ? (
        <LoadingState label="Loading the report…" />
      ) : error && !report ? (
        <ErrorState error={error} title="We could not load the report" onRetry={() => void refetch()} />
      ) : report ? (
        <ReportBody report={report} params={params} selectedName={selectedName} />
      ) : null}
      <ExportPanel from={params.from} to={params.to} therapistSelected={params.therapistId !== null} />
    </div>
  );
}

function ReportBody({
  report,
  params,
  selectedName,
}: {
  report: PracticeReport;
  params: ReportParams;
  selectedName: string | null;
}) {
  const selectedTherapistId = params.therapistId;
  const practice = report.practice;
  const nameById = useMemo(
    () => new Map(report.therapists.map((row) => [row.therapistId, row.therapistName])),
    [report.therapists],
  );
  const nameOf = useCallback((id: string) => nameById.get(id) ?? 'Unnamed therapist', [nameById]);
  const positions = useMemo(() => {
    const placed = placeFunnelPoints(report.funnel.points, report.funnel.practiceRate, nameOf);
    return new Map<string, FunnelPosition>(placed.map((point) => [point.therapistId, point.position]));
  }, [report.funnel, nameOf]);
  const rows = useMemo(
    () =>
      alphabetical(
        report.therapists,
        (row) => row.therapistName,
        (row) => row.therapistId,
      ),
    [report.therapists],
  );
  const selected = selectedTherapistId ? rows.find((row) => row.therapistId === selectedTherapistId) : undefined;

  if (practice.finishedEpisodes === 0) {
    return (
      <div className="state state--empty" data-testid="report-empty">
        <h2 className="state__title">No finished episodes in this period</h2>
        <p>
          {practice.episodesEnded === 0
            ? `No episodes ended between ${formatLocalDate(report.from)} and ${formatLocalDate(report.to)}.`
            : `${plural(practice.episodesEnded, 'episode')} ended between ${formatLocalDate(report.from)} and ${formatLocalDate(report.to)}, and ${formatCount(practice.finishedCourses)} of them had 2 or more sessions, but none had paired first and last scores, so there are no outcomes to report.`}
        </p>
        <p>
          Choose a longer period above, or check that clients complete PHQ-9 and GAD-7 at the first and last session.
        </p>
      </div>
    );
  }

  return (
    <>
      <p className="report-summary">
        {plural(practice.episodesEnded, 'episode')} ended in the period and {plural(practice.referrals, 'episode')}{' '}
        started. Mean change and effect size are on {instrumentLabel(practice.instrument)}.
      </p>
      <HeadlineFigures figures={practice} title="The practice" testId="report-headline" />
      {selectedTherapistId &&
        (selected ? (
          selected.insufficientData ? (
            <section className="panel" aria-labelledby="selected-therapist-title" data-testid="therapist-headline">
              <h2 id="selected-therapist-title" className="panel__title">
                {selected.therapistName}
              </h2>
              <p>
                Rates are not shown: {insufficientDataText(selected.figures.finishedEpisodes)}. They appear from 15
                finished episodes, when chance alone no longer dominates them.
              </p>
            </section>
          ) : (
            <HeadlineFigures figures={selected.figures} title={selected.therapistName} testId="therapist-headline" />
          )
        ) : (
          <p className="notice" role="status">
            {selectedName ?? 'This therapist'} has no outcomes in this report.{' '}
            <Link to={`/reports?${reportSearch({ ...params, therapistId: null }).toString()}`}>
              Show every therapist
            </Link>
          </p>
        ))}
      {report.funnel.practiceRate === null ? (
        <section className="panel" aria-labelledby="funnel-unavailable-title" data-testid="funnel-unavailable">
          <h2 id="funnel-unavailable-title" className="panel__title">
            Recovery by therapist: funnel plot
          </h2>
          <p>No funnel plot: no finished episodes in this period started at caseness, so there is no recovery rate.</p>
        </section>
      ) : (
        <div className="panel">
          <FunnelPlot funnel={report.funnel} nameOf={nameOf} />
        </div>
      )}
      <TherapistOutcomesTable rows={rows} positionOf={(id) => positions.get(id) ?? null} />
    </>
  );
}
