import { useState } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import type { HomeworkAssignment, HomeworkStatus } from '../../common/graphql/types';
import { useIdempotentMutation } from '../../common/hooks/useIdempotentMutation';
import { HOMEWORK_FREQUENCY_LABEL } from '../../common/lib/clinicalWording';
import { formatLocalDate } from '../../common/lib/format';
import { REPORT_HOMEWORK_MUTATION } from '../graphql/portal';

const CHOICES: readonly { status: HomeworkStatus; label: string }[] = [
  { status: 'DONE', label: 'Done' },
  { status: 'PARTIAL', label: 'Partly' },
  { status: 'NOT_DONE', label: 'Not done' },
];

/** Each homework assignment with one tap for done, partly done or not done today. */
export function HomeworkChecklist({ homework, today }: { homework: readonly HomeworkAssignment[]; today: string }) {
  return (
    <section className="portal-card" aria-labelledby="homework-heading" data-testid="homework-checklist">
      <h2 id="homework-heading">Your homework</h2>
      {homework.length === 0 ? (
        <p className="muted">Nothing to do right now.</p>
      ) : (
        <ul className="checklist">
          {homework.map((assignment) => (
            <HomeworkItem key={assignment.id} assignment={assignment} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HomeworkItem({ assignment, today }: { assignment: HomeworkAssignment; today: string }) {
  const todays = assignment.reports.find((report) => report.localDate === today) ?? null;
  const [chosen, setChosen] = useState<HomeworkStatus | null>(todays?.status ?? null);
  const [saved, setSaved] = useState<string | null>(null);
  const { submit, loading, error } = useIdempotentMutation(REPORT_HOMEWORK_MUTATION, { refetchQueries: ['Portal'] });
  const titleId = `homework-${assignment.id}`;

  async function report(status: HomeworkStatus) {
    setSaved(null);
    setChosen(status);
    const result = await submit({ assignmentId: assignment.id, status });
    if (result) setSaved('Saved.');
  }

  return (
    <li className="checklist__item" data-testid="homework-item">
      <h3 id={titleId} className="checklist__title">
        {assignment.title}
      </h3>
      <p className="muted">
        {HOMEWORK_FREQUENCY_LABEL[assignment.frequency]}
        {assignment.dueOn && <> · due {formatLocalDate(assignment.dueOn)}</>}
      </p>
      {assignment.instructions && <p className="checklist__instructions">{assignment.instructions}</p>}
      <div role="group" aria-labelledby={titleId} className="segmented">
        {CHOICES.map((choice) => (
          <button
            key={choice.status}
            type="button"
            className="segmented__option"
            aria-pressed={chosen === choice.status}
            disabled={loading}
            onClick={() => void report(choice.status)}
          >
            {chosen === choice.status && <span aria-hidden="true">✓ </span>}
            {choice.label}
            <span className="visually-hidden"> for {assignment.title}</span>
          </button>
        ))}
      </div>
      <FormMessage error={error ? `Not saved. ${error.message}` : null} success={saved} />
    </li>
  );
}
