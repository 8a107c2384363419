import { Link } from 'react-router';
import { FUNNEL_POSITION_LABEL, type FunnelPosition } from '../funnel';
import type { Rate, TherapistOutcome } from '../graphql/report';
import { formatCount, insufficientDataText, rateParts } from '../reportFigures';

const RATE_COLUMNS = [
  { key: 'recovery', label: 'Recovery', base: 'at caseness' },
  { key: 'reliableImprovement', label: 'Reliable improvement', base: 'finished' },
  { key: 'reliableRecovery', label: 'Reliable recovery', base: 'at caseness' },
  { key: 'reliableDeterioration', label: 'Reliable deterioration', base: 'finished' },
] as const;

function RateCell({ rate, base }: { rate: Rate | null; base: string }) {
  const parts = rateParts(rate);
  if (!parts) {
    return (
      <td className="rate-cell rate-cell--missing">
        <span aria-hidden="true">—</span>
        <span className="metric__sub">
          <span className="visually-hidden">Not available: </span>
          {rate && rate.denominator === 0 ? `no episodes ${base}` : 'not available'}
        </span>
      </td>
    );
  }
  return (
    <td className="rate-cell">
      <span className="metric">{parts.value}</span>
      <span className="metric__sub">{parts.interval}</span>
      <span className="metric__sub">{parts.counts}</span>
    </td>
  );
}

/**
 * Outcomes per therapist in alphabetical order, never ranked. Rows under 15 finished episodes
 * show the count and no rates. Each name opens that therapist's caseload.
 */
export function TherapistOutcomesTable({
  rows,
  positionOf,
}: {
  /** Already in alphabetical order. */
  rows: readonly TherapistOutcome[];
  /** Where the therapist's point sits on the funnel plot; null when not plotted. */
  positionOf: (therapistId: string) => FunnelPosition | null;
}) {
  return (
    <section className="panel" aria-labelledby="therapist-outcomes-title">
      <h2 id="therapist-outcomes-title" className="panel__title">
        Outcomes by therapist
      </h2>
      <p className="muted panel__intro">
        In alphabetical order, not ranked. Rates are shown from 15 finished episodes; each has its 95% confidence
        interval. Open a therapist&apos;s caseload from their name.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="therapist-outcomes-title">
        <table className="data-table outcomes-table" data-testid="therapist-table">
          <caption className="visually-hidden">Outcomes by therapist, in alphabetical order (not ranked)</caption>
          <thead>
            <tr>
              <th scope="col">Therapist</th>
              <th scope="col" className="num">
                Episodes ended
              </th>
              <th scope="col" className="num">
                Finished episodes
              </th>
              <th scope="col" className="num">
                At caseness
              </th>
              {RATE_COLUMNS.map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
              <th scope="col">Funnel plot</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4 + RATE_COLUMNS.length + 1}>No therapists in this report.</td>
              </tr>
            ) : (
              rows.map((row) => {
                const position = positionOf(row.therapistId);
                return (
                  <tr key={row.therapistId} data-testid="therapist-row" data-therapist-id={row.therapistId}>
                    <th scope="row">
                      <Link to={`/caseload?therapist=${encodeURIComponent(row.therapistId)}`}>{row.therapistName}</Link>
                    </th>
                    <td className="num">{formatCount(row.figures.episodesEnded)}</td>
                    <td className="num">{formatCount(row.figures.finishedEpisodes)}</td>
                    <td className="num">{formatCount(row.figures.atCaseness)}</td>
                    {row.insufficientData ? (
                      <td colSpan={RATE_COLUMNS.length + 1} className="insufficient" data-testid="insufficient-data">
                        {insufficientDataText(row.figures.finishedEpisodes)}
                      </td>
                    ) : (
                      <>
                        {RATE_COLUMNS.map((column) => (
                          <RateCell key={column.key} rate={row.figures[column.key]} base={column.base} />
                        ))}
                        <td>
                          {position ? (
                            FUNNEL_POSITION_LABEL[position]
                          ) : (
                            <span className="muted">not plotted: no episodes at caseness</span>
                          )}
                        </td>
                      </>
                    )}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
