import { useState, type FormEvent } from 'react';
import { TextField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import { SCHEDULE_SESSION_MUTATION } from '../graphql/client';
import { useClientMutation } from '../hooks/useClientMutation';
import { formatDateTime } from '../../common/lib/format';

/** Books a session; the time is entered in the therapist's own time zone and sent as UTC. */
export function ScheduleSessionForm({ clientId }: { clientId: string }) {
  const [when, setWhen] = useState('');
  const [duration, setDuration] = useState('50');
  const { run, loading, error, success, setError } = useClientMutation(SCHEDULE_SESSION_MUTATION);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const scheduled = new Date(when);
    if (!when || Number.isNaN(scheduled.getTime())) {
      setError('Choose the date and time of the session.');
      return;
    }
    const minutes = Number(duration);
    if (!Number.isInteger(minutes) || minutes < 10 || minutes > 240) {
      setError('Duration must be a whole number of minutes between 10 and 240.');
      return;
    }
    const result = await run(
      { clientId, scheduledAt: scheduled.toISOString(), durationMinutes: minutes },
      `Session booked for ${formatDateTime(scheduled.toISOString())}.`,
    );
    if (result) setWhen('');
  }

  return (
    <form
      className="card form"
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby="schedule-heading"
      noValidate
    >
      <h3 id="schedule-heading" className="card__title">
        Schedule a session
      </h3>
      <TextField
        label="Date and time"
        type="datetime-local"
        value={when}
        onValueChange={setWhen}
        required
        invalid={error?.field === 'scheduledAt'}
      />
      <TextField
        label="Duration (minutes)"
        type="number"
        inputMode="numeric"
        min={10}
        max={240}
        step={5}
        value={duration}
        onValueChange={setDuration}
        invalid={error?.field === 'durationMinutes'}
      />
      <FormMessage error={error?.message} success={success} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Scheduling…' : 'Schedule session'}
      </button>
    </form>
  );
}
