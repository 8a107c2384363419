import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { AllianceChart } from '../../charts/components/AllianceChart';
import { GoalProgressChart } from '../../charts/components/GoalProgressChart';
import { HomeworkAdherenceChart } from '../../charts/components/HomeworkAdherenceChart';
import { MoodChart } from '../../charts/components/MoodChart';
import { ScoreTrajectoryChart } from '../../charts/components/ScoreTrajectoryChart';
import { useElementWidth } from '../../charts/hooks/useElementWidth';
import { addDays, parseLocalDate } from '../../charts/scales';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import { SignalBadge } from '../../common/components/SignalBadge';
import type { ScoreSummary } from '../../common/graphql/types';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { GAD7_INSTRUMENT, PHQ9_INSTRUMENT } from '../../common/lib/clinicalWording';
import { apiErrorCode } from '../../common/lib/errors';
import { formatLocalDate, formatSigned } from '../../common/lib/format';
import { ClientAdminPanel } from '../../clients-admin/components/ClientAdminPanel';
import { FlagsPanel } from '../../flags/components/FlagsPanel';
import { CLIENT_TIMELINE_QUERY, type ClientTimeline } from '../graphql/client';
import { RANGE_LABEL, useTimelineRange, withinDomain, type TimelineRange } from '../hooks/useTimelineRange';
import { expectedBandOnTimeline } from '../timelineData';
import { AssignHomeworkForm } from './AssignHomeworkForm';
import { HomeworkPanel } from './HomeworkPanel';
import { RatingLinkPanel } from './RatingLinkPanel';
import { ScheduleSessionForm } from './ScheduleSessionForm';
import { SessionsList } from './SessionsList';
import { SetGoalForm } from './SetGoalForm';
import './client.css';

/** One client's whole course of care on a single time axis, with the therapist's actions. */
export function ClientTimelinePage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CLIENT_TIMELINE_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const client = data?.client;
  useDocumentTitle(client ? `Client ${client.code}` : 'Client');

  if (loading && !client) return <LoadingState label="Loading timeline…" />;
  if (error && !client) {
    return apiErrorCode(error) === 'NOT_FOUND' ? (
      <div className="page">
        <div className="state state--empty" role="alert">
          <h1 className="state__title">Client not found</h1>
          <p>This client does not exist or is not on a caseload you can see.</p>
          <Link to="/caseload">Back to caseload</Link>
        </div>
      </div>
    ) : (
      <ErrorState error={error} title="We could not load this client" onRetry={() => void refetch()} />
    );
  }
  if (!client) return null;
  return <ClientTimelineView client={client} />;
}

function ClientTimelineView({ client }: { client: ClientTimeline }) {
  const { range, setRange, domain } = useTimelineRange(client);
  const [measureRef, width] = useElementWidth<HTMLDivElement>();
  const visible = useVisibleData(client, domain);

  return (
    <div className="page page--wide client-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/caseload">Caseload</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{client.code}</span>
      </nav>
      <header className="client-header">
        <div>
          <h1 className="client-header__title">
            {client.code}
            {client.displayName && <span className="client-header__name">{client.displayName}</span>}
          </h1>
          <p className="client-header__meta">
            Therapist {client.therapistName} · {client.status.toLowerCase()} · time zone {client.timezone}
            {client.episode && (
              <>
                {' '}
                · episode since {formatLocalDate(client.episode.startedOn)}
                {client.episode.endedOn && <> until {formatLocalDate(client.episode.endedOn)}</>}
              </>
            )}
          </p>
        </div>
        <dl className="key-figures">
          <KeyFigure label="PHQ-9" summary={client.phq9} />
          <KeyFigure label="GAD-7" summary={client.gad7} />
          <div className="key-figure">
            <dt>Signal</dt>
            <dd>
              <SignalBadge signal={client.trajectorySignal} />
            </dd>
          </div>
        </dl>
      </header>

      <FlagsPanel flags={client.flags} />

      <section className="panel timeline" aria-labelledby="timeline-heading">
        <div className="timeline__head">
          <h2 id="timeline-heading" className="panel__title">
            Timeline
          </h2>
          <div className="field field--inline">
            <label htmlFor="timeline-range">Show</label>
            <select
              id="timeline-range"
              value={range}
              onChange={(event) => setRange(event.target.value as TimelineRange)}
            >
              {(Object.keys(RANGE_LABEL) as TimelineRange[]).map((option) => (
                <option key={option} value={option}>
                  {RANGE_LABEL[option]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="muted timeline__hint">
          All charts share one time axis. Tab to a chart, then use the arrow keys to step through its points.
        </p>
        <div ref={measureRef} className="timeline__charts">
          {domain && width > 0 && (
            <>
              <ScoreTrajectoryChart
                testId="chart-phq9"
                instrument={PHQ9_INSTRUMENT}
                summary={visible.phq9}
                expected={visible.expectedPhq9}
                domain={domain}
                width={width}
              />
              <ScoreTrajectoryChart
                testId="chart-gad7"
                instrument={GAD7_INSTRUMENT}
                summary={visible.gad7}
                expected={visible.expectedGad7}
                domain={domain}
                width={width}
              />
              <AllianceChart responses={visible.alliance} domain={domain} width={width} />
              <MoodChart moods={visible.moods} domain={domain} width={width} />
              <HomeworkAdherenceChart weeks={visible.weeks} domain={domain} width={width} />
              <figure aria-labelledby="goals-chart-heading" className="timeline__goals" data-testid="chart-goals">
                <figcaption>
                  <h3 id="goals-chart-heading" className="chart__title">
                    Goals
                  </h3>
                  <p className="chart__summary">
                    {visible.goals.length === 0
                      ? 'No goals set.'
                      : `${visible.goals.length} goal${visible.goals.length === 1 ? '' : 's'}, each rated 0 (no progress) to 10 (reached) by the client.`}
                  </p>
                </figcaption>
                {visible.goals.map((goal) => (
                  <GoalProgressChart key={goal.id} goal={goal} domain={domain} width={width} />
                ))}
              </figure>
            </>
          )}
        </div>
      </section>

      <div className="client-columns">
        <SessionsList sessions={client.sessions} />
        <HomeworkPanel homework={client.homework} />
      </div>

      <ClientAdminPanel client={client} />

      <section className="panel" aria-labelledby="actions-heading">
        <h2 id="actions-heading" className="panel__title">
          Actions
        </h2>
        <div className="card-grid">
          <ScheduleSessionForm clientId={client.id} />
          <RatingLinkPanel sessions={client.sessions} />
          <AssignHomeworkForm clientId={client.id} />
          <SetGoalForm clientId={client.id} />
        </div>
      </section>
    </div>
  );
}

function KeyFigure({ label, summary }: { label: string; summary: ScoreSummary }) {
  return (
    <div className="key-figure">
      <dt>{label}</dt>
      <dd>
        <span className={`metric${summary.isCase ? ' metric--case' : ''}`}>{summary.latest ?? '—'}</span>
        {summary.change !== null && <span className="metric__sub">{formatSigned(summary.change)} from baseline</span>}
      </dd>
    </div>
  );
}

/** The data inside the shown range, each series clipped to the shared domain. */
function useVisibleData(client: ClientTimeline, domain: [Date, Date] | null) {
  return useMemo(() => {
    const all = domain ?? ([new Date(0), new Date(8.64e15)] as [Date, Date]);
    const clipSummary = (summary: ScoreSummary): ScoreSummary => ({
      ...summary,
      points: withinDomain(summary.points, (point) => new Date(point.at), all),
    });
    const episodeStart = client.episode?.startedOn ?? null;
    return {
      phq9: clipSummary(client.phq9),
      gad7: clipSummary(client.gad7),
      expectedPhq9: withinDomain(
        expectedBandOnTimeline(client.expectedPhq9, client.phq9, client.sessions, episodeStart),
        (band) => band.date,
        all,
      ),
      expectedGad7: withinDomain(
        expectedBandOnTimeline(client.expectedGad7, client.gad7, client.sessions, episodeStart),
        (band) => band.date,
        all,
      ),
      alliance: withinDomain(client.alliance, (response) => new Date(response.submittedAt), all),
      moods: withinDomain(client.moods, (mood) => parseLocalDate(mood.localDate), all),
      // A week's bar spans seven days after its start, so a week must start a week before the end.
      weeks: withinDomain(client.weeklyHomeworkAdherence, (week) => parseLocalDate(week.weekStart), [
        all[0],
        addDays(all[1], -7),
      ]),
      goals: client.goals.map((goal) => ({
        ...goal,
        ratings: withinDomain(goal.ratings, (rating) => new Date(rating.ratedAt), all),
      })),
    };
  }, [client, domain]);
}
