import { useState, type FormEvent } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import type { HomeworkFrequency } from '../../common/graphql/types';
import { HOMEWORK_FREQUENCY_LABEL } from '../../common/lib/clinicalWording';
import { ASSIGN_HOMEWORK_MUTATION, type AssignHomeworkResult, type AssignHomeworkVariables } from '../graphql/client';
import { useClientMutation } from '../hooks/useClientMutation';

const FREQUENCIES: readonly HomeworkFrequency[] = ['DAILY', 'WEEKLY', 'ONCE'];

export function AssignHomeworkForm({ clientId }: { clientId: string }) {
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [frequency, setFrequency] = useState<HomeworkFrequency>('DAILY');
  const [dueOn, setDueOn] = useState('');
  const { run, loading, error, success, setError } = useClientMutation<
    AssignHomeworkResult,
    AssignHomeworkVariables['input']
  >(ASSIGN_HOMEWORK_MUTATION);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError('Give the homework a title.');
      return;
    }
    const result = await run(
      {
        clientId,
        title: title.trim(),
        instructions: instructions.trim() || null,
        frequency,
        dueOn: dueOn || null,
      },
      `Homework “${title.trim()}” assigned.`,
    );
    if (result) {
      setTitle('');
      setInstructions('');
      setDueOn('');
    }
  }

  return (
    <form
      className="card form"
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby="homework-heading"
      noValidate
    >
      <h3 id="homework-heading" className="card__title">
        Assign homework
      </h3>
      <div className="field">
        <label htmlFor="homework-title">Title</label>
        <input
          id="homework-title"
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          required
          aria-invalid={error?.field === 'title' || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="homework-instructions">Instructions (optional)</label>
        <textarea
          id="homework-instructions"
          rows={3}
          maxLength={4000}
          value={instructions}
          onChange={(event) => setInstructions(event.target.value)}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="homework-frequency">How often</label>
          <select
            id="homework-frequency"
            value={frequency}
            onChange={(event) => setFrequency(event.target.value as HomeworkFrequency)}
          >
            {FREQUENCIES.map((option) => (
              <option key={option} value={option}>
                {HOMEWORK_FREQUENCY_LABEL[option]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="homework-due">Due (optional)</label>
          <input
            id="homework-due"
            type="date"
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
            aria-invalid={error?.field === 'dueOn' || undefined}
          />
        </div>
      </div>
      <FormMessage error={error?.message} success={success} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Assigning…' : 'Assign homework'}
      </button>
    </form>
  );
}
