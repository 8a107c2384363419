import { useId } from 'react';
import type { OutcomeFigures } from '../graphql/report';
import { headlineFigures, type HeadlineFigure, type HeadlineGroup } from '../reportFigures';

const GROUPS: readonly HeadlineGroup[] = ['Volume', 'Outcomes', 'Engagement and data quality'];

/**
 * The report's headline figures as a description list per group: every rate with its Wilson 95%
 * interval and counts, and a dash with the reason wherever a figure cannot be given.
 */
export function HeadlineFigures({
  figures,
  title,
  testId,
}: {
  figures: OutcomeFigures;
  title: string;
  testId: string;
}) {
  const titleId = useId();
  const all = headlineFigures(figures);
  return (
    <section className="panel headline" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="panel__title">
        {title}
      </h2>
      {GROUPS.map((group) => (
        <div key={group} className="headline__group">
          <h3 className="headline__group-title">{group}</h3>
          <dl className="headline__grid">
            {all
              .filter((figure) => figure.group === group)
              .map((figure) => (
                <FigureItem key={figure.key} figure={figure} />
              ))}
          </dl>
        </div>
      ))}
    </section>
  );
}

function FigureItem({ figure }: { figure: HeadlineFigure }) {
  const missing = figure.unavailable !== null;
  return (
    <div className={`figure${missing ? ' figure--missing' : ''}`} data-figure={figure.key}>
      <dt className="figure__label">{figure.label}</dt>
      <dd className="figure__body">
        {missing ? (
          <>
            <span className="figure__value" aria-hidden="true">
              —
            </span>{' '}
            <span className="figure__detail">
              <span className="visually-hidden">Not available: </span>
              {figure.unavailable}
            </span>
          </>
        ) : (
          <>
            <span className="figure__value">{figure.value}</span>{' '}
            <span className="figure__detail">{figure.detail}</span>
          </>
        )}
      </dd>
      <dd className="figure__about">{figure.about}</dd>
    </div>
  );
}
