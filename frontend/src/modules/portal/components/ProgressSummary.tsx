import { useMemo } from 'react';
import { MoodChart } from '../../charts/components/MoodChart';
import { useElementWidth } from '../../charts/hooks/useElementWidth';
import { addDays, parseLocalDate } from '../../charts/scales';
import type { MeasureResponse, MoodEntry, ScoreSummary } from '../../common/graphql/types';
import { ALLIANCE_MAX, GAD7_INSTRUMENT, PHQ9_INSTRUMENT, type ScoreInstrument } from '../../common/lib/clinicalWording';
import { formatDate, formatNumber } from '../../common/lib/format';

/** The client's own progress in plain words, with their last four weeks of mood. */
export function ProgressSummary({
  phq9,
  gad7,
  moods,
  alliance,
  today,
}: {
  phq9: ScoreSummary;
  gad7: ScoreSummary;
  moods: readonly MoodEntry[];
  alliance: readonly MeasureResponse[] | null;
  today: string;
}) {
  const [measureRef, width] = useElementWidth<HTMLDivElement>();
  const domain = useMemo<[Date, Date]>(() => {
    const end = parseLocalDate(today);
    return [addDays(end, -28), addDays(end, 1)];
  }, [today]);
  const recent = moods.filter((mood) => parseLocalDate(mood.localDate).getTime() >= domain[0].getTime());
  const last7 = recent.filter(
    (mood) => parseLocalDate(mood.localDate).getTime() > addDays(parseLocalDate(today), -7).getTime(),
  );
  const mean7 = last7.length ? last7.reduce((sum, mood) => sum + mood.rating, 0) / last7.length : null;

  return (
    <section className="portal-card" aria-labelledby="progress-heading" data-testid="progress">
      <h2 id="progress-heading">Your progress</h2>
      <ul className="progress-list">
        <li>{describeProgress(PHQ9_INSTRUMENT, phq9)}</li>
        <li>{describeProgress(GAD7_INSTRUMENT, gad7)}</li>
        <li>
          {mean7 === null
            ? 'No mood check-ins in the last 7 days.'
            : `Your average mood over the last 7 days is ${formatNumber(mean7)} out of 10 (${last7.length} check-in${last7.length === 1 ? '' : 's'}).`}
        </li>
      </ul>
      <div ref={measureRef} className="portal-chart">
        {width > 0 && (
          <MoodChart
            moods={recent}
            domain={domain}
            width={width}
            height={170}
            testId="chart-portal-mood"
            title="Your mood, last 4 weeks"
          />
        )}
      </div>
      {alliance && alliance.length > 0 && (
        <div className="portal-alliance">
          <h3>Your session ratings</h3>
          <ul className="progress-list">
            {[...alliance]
              .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
              .slice(0, 5)
              .map((response) => (
                <li key={response.id}>
                  {formatDate(response.submittedAt)}
                  {response.sessionNumber !== null && <> (session {response.sessionNumber})</>}: {response.total} out of{' '}
                  {ALLIANCE_MAX}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function describeProgress(instrument: ScoreInstrument, summary: ScoreSummary): string {
  const name = `Your ${instrument.plainName} score (${instrument.label})`;
  if (summary.latest === null) return `${name}: no answers yet.`;
  if (summary.baseline === null || summary.points.length < 2) {
    return `${name} is ${summary.latest} out of ${instrument.max}. We will show how it changes after your next one.`;
  }
  const from = `went from ${summary.baseline} at the start to ${summary.latest} now (out of ${instrument.max}; lower is better)`;
  switch (summary.changeClass) {
    case 'RELIABLE_IMPROVEMENT':
      return `${name} ${from}. That is a real improvement, bigger than everyday ups and downs.`;
    case 'RELIABLE_DETERIORATION':
      return `${name} ${from}. It has gone up more than everyday ups and downs; it may help to talk about this with your therapist.`;
    default:
      return `${name} ${from}. There is no clear change yet; change often takes a few weeks.`;
  }
}
