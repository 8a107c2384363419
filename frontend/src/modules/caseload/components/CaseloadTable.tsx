import { Link } from 'react-router';
import { SignalBadge } from '../../common/components/SignalBadge';
import type { ScoreSummary } from '../../common/graphql/types';
import { ALLIANCE_CONCERN_BELOW, CHANGE_CLASS_LABEL, type ScoreInstrument } from '../../common/lib/clinicalWording';
import { formatDateTime, formatNumber, formatRelative, formatShare, formatSigned } from '../../common/lib/format';
import { addDays, parseLocalDate } from '../../charts/scales';
import { Sparkline } from '../../charts/components/Sparkline';
import { FlagChip } from '../../flags/components/FlagChip';
import { byUrgency } from '../../flags/flagWording';
import type { CaseloadRow } from '../graphql/caseload';
import { GAD7_INSTRUMENT, PHQ9_INSTRUMENT } from '../../common/lib/clinicalWording';
import type { CaseloadSort } from '../caseloadFilters';

const MOOD_DOMAIN: readonly [number, number] = [1, 10];

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

const SORT_COLUMN: Partial<Record<CaseloadSort, string>> = {
  PRIORITY: 'priority',
  CODE: 'client',
  PHQ9: 'phq9',
  GAD7: 'gad7',
  ALLIANCE: 'alliance',
  MOOD: 'mood',
  LAST_ACTIVITY: 'activity',
};

/** The ranked caseload: one row per client with flags, trajectories and between-session data. */
export function CaseloadTable({ rows, sort }: { rows: readonly CaseloadRow[]; sort: CaseloadSort }) {
  const today = todayUtc();
  const moodWindow: readonly [Date, Date] = [addDays(today, -27), today];
  const sortedBy = SORT_COLUMN[sort];
  const ariaSort = (column: string) =>
    sortedBy === column ? (column === 'client' ? 'ascending' : 'other') : undefined;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Caseload table (scrolls sideways)">
      <table className="caseload" data-testid="caseload-table">
        <caption className="visually-hidden">Caseload, most urgent first unless sorted otherwise</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort('priority')}>
              <abbr title="Priority">#</abbr>
            </th>
            <th scope="col" aria-sort={ariaSort('client')}>
              Client
            </th>
            <th scope="col">Open flags</th>
            <th scope="col" aria-sort={ariaSort('phq9')}>
              PHQ-9
            </th>
            <th scope="col" aria-sort={ariaSort('gad7')}>
              GAD-7
            </th>
            <th scope="col">Signal</th>
            <th scope="col" aria-sort={ariaSort('alliance')}>
              Alliance
            </th>
            <th scope="col" aria-sort={ariaSort('mood')}>
              Mood, 28 days
            </th>
            <th scope="col">Homework</th>
            <th scope="col" aria-sort={ariaSort('activity')}>
              Last activity
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const flags = row.openFlags.filter((flag) => flag.status !== 'RESOLVED').sort(byUrgency);
            const moodPoints = row.mood.points.map((point) => ({
              date: parseLocalDate(point.date),
              value: point.rating,
            }));
            return (
              <tr
                key={row.clientId}
                data-testid="caseload-row"
                data-client-id={row.clientId}
                data-priority={row.priority}
              >
                <td className="caseload__priority">{row.priority}</td>
                <th scope="row" className="caseload__client">
                  <Link to={`/clients/${row.clientId}`} className="caseload__link">
                    {row.code}
                  </Link>
                  {row.displayName && <span className="caseload__name">{row.displayName}</span>}
                  {row.status.toUpperCase() !== 'ACTIVE' && (
                    <span className="caseload__status">{row.status.toLowerCase()}</span>
                  )}
                  {row.dataProblem && (
                    <span className="caseload__data-problem" role="note">
                      Data problem: {row.dataProblem}
                    </span>
                  )}
                </th>
                <td className="caseload__flags">
                  {flags.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <ul className="chip-list">
                      {flags.map((flag) => (
                        <li key={flag.id}>
                          <FlagChip flag={flag} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <ScoreCell summary={row.phq9} instrument={PHQ9_INSTRUMENT} />
                </td>
                <td>
                  <ScoreCell summary={row.gad7} instrument={GAD7_INSTRUMENT} />
                </td>
                <td>
                  <SignalBadge signal={row.trajectorySignal} />
                </td>
                <td className="caseload__alliance">
                  {row.alliance.latest === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      <span
                        className={`metric${row.alliance.latest < ALLIANCE_CONCERN_BELOW ? ' metric--concern' : ''}`}
                      >
                        {row.alliance.latest}
                        <span className="metric__unit">/40</span>
                      </span>
                      {row.alliance.latest < ALLIANCE_CONCERN_BELOW && (
                        <span className="tag tag--concern">below 36</span>
                      )}
                      {row.alliance.trend !== null && (
                        <span className="metric__sub">trend {formatSigned(row.alliance.trend, 1)}</span>
                      )}
                    </>
                  )}
                </td>
                <td className="caseload__mood">
                  <Sparkline
                    points={moodPoints}
                    valueDomain={MOOD_DOMAIN}
                    timeDomain={moodWindow}
                    variant="dots"
                    label={`Mood over 28 days: ${moodPoints.length} entries, 7-day mean ${formatNumber(row.mood.mean7)}`}
                    testId="sparkline-mood"
                  />
                  <span className="metric__sub">
                    7-day mean {formatNumber(row.mood.mean7)}
                    {row.mood.slope28 !== null && <> · {formatSigned(row.mood.slope28, 1)}/wk</>}
                  </span>
                </td>
                <td>
                  <span className="metric">{formatShare(row.homeworkAdherence28)}</span>
                  <span className="metric__sub">28 days</span>
                </td>
                <td className="caseload__activity">
                  {row.lastActivityAt ? (
                    <time dateTime={row.lastActivityAt} title={formatDateTime(row.lastActivityAt)}>
                      {formatRelative(row.lastActivityAt)}
                    </time>
                  ) : (
                    <span className="muted">None</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ScoreCell({ summary, instrument }: { summary: ScoreSummary; instrument: ScoreInstrument }) {
  const points = summary.points.map((point) => ({ date: new Date(point.at), value: point.total }));
  if (summary.latest === null) return <span className="muted">No scores</span>;
  return (
    <div className="score-cell">
      <span className={`metric${summary.isCase ? ' metric--case' : ''}`}>{summary.latest}</span>
      {summary.changeClass && summary.changeClass !== 'NO_RELIABLE_CHANGE' && (
        <span className={`tag tag--${summary.changeClass === 'RELIABLE_IMPROVEMENT' ? 'improved' : 'worse'}`}>
          {summary.changeClass === 'RELIABLE_IMPROVEMENT' ? '▼ improved' : '▲ worse'}
        </span>
      )}
      <Sparkline
        points={points}
        valueDomain={[0, instrument.max]}
        reference={instrument.caseness}
        label={`${instrument.label} trajectory: ${points.map((point) => point.value).join(', ')}`}
        testId={`sparkline-${instrument.code.toLowerCase()}`}
      />
      <span className="metric__sub">
        {summary.baseline !== null && <>from {summary.baseline} </>}
        {summary.change !== null && <>({formatSigned(summary.change)})</>}
        {summary.changeClass && <span className="visually-hidden">, {CHANGE_CLASS_LABEL[summary.changeClass]}</span>}
      </span>
    </div>
  );
}
