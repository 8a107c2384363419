import { useState, type FormEvent } from 'react';
import { TextField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import { SET_GOAL_MUTATION } from '../graphql/client';
import { useClientMutation } from '../hooks/useClientMutation';

export function SetGoalForm({ clientId }: { clientId: string }) {
  const [title, setTitle] = useState('');
  const { run, loading, error, success, setError } = useClientMutation(SET_GOAL_MUTATION);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError('Describe the goal in a few words.');
      return;
    }
    const result = await run({ clientId, title: title.trim() }, `Goal “${title.trim()}” set.`);
    if (result) setTitle('');
  }

  return (
    <form
      className="card form"
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby="goal-heading"
      noValidate
    >
      <h3 id="goal-heading" className="card__title">
        Set a goal
      </h3>
      <TextField
        label="Goal, in the client’s words"
        value={title}
        onValueChange={setTitle}
        maxLength={200}
        required
        invalid={error?.field === 'title'}
      />
      <FormMessage error={error?.message} success={success} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Saving…' : 'Set goal'}
      </button>
    </form>
  );
}
