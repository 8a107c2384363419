import { useState, type FormEvent } from 'react';
import { Field, TextAreaField, TextField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import type { HomeworkFrequency } from '../../common/graphql/types';
import { HOMEWORK_FREQUENCY_LABEL } from '../../common/lib/clinicalWording';
import { ASSIGN_HOMEWORK_MUTATION } from '../graphql/client';
import { useClientMutation } from '../hooks/useClientMutation';

const FREQUENCIES: readonly HomeworkFrequency[] = ['DAILY', 'WEEKLY', 'ONCE'];

export function AssignHomeworkForm({ clientId }: { clientId: string }) {
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [frequency, setFrequency] = useState<HomeworkFrequency>('DAILY');
  const [dueOn, setDueOn] = useState('');
  const { run, loading, error, success, setError } = useClientMutation(ASSIGN_HOMEWORK_MUTATION);

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
      <TextField
        label="Title"
        value={title}
        onValueChange={setTitle}
        maxLength={200}
        required
        invalid={error?.field === 'title'}
      />
      <TextAreaField
        label="Instructions (optional)"
        rows={3}
        maxLength={4000}
        value={instructions}
        onValueChange={setInstructions}
      />
      <div className="field-row">
        <Field label="How often">
          {(control) => (
            <select
              {...control}
              value={frequency}
              onChange={(event) => setFrequency(event.target.value as HomeworkFrequency)}
            >
              {FREQUENCIES.map((option) => (
                <option key={option} value={option}>
                  {HOMEWORK_FREQUENCY_LABEL[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Due (optional)"
          type="date"
          value={dueOn}
          onValueChange={setDueOn}
          invalid={error?.field === 'dueOn'}
        />
      </div>
      <FormMessage error={error?.message} success={success} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Assigning…' : 'Assign homework'}
      </button>
    </form>
  );
}
