import { useId, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../common/components/Field';
import { FormMessage } from '../../common/components/FormMessage';
import type { CrisisResources, MoodEntry } from '../../common/graphql/types';
import { useIdempotentMutation } from '../../common/hooks/useIdempotentMutation';
import { LOG_MOOD_MUTATION } from '../graphql/portal';

const RATINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Today's mood, 1-10, with an optional note and a way to ask for help at once. */
export function MoodCheckIn({
  todayMood,
  onCrisis,
}: {
  todayMood: MoodEntry | null;
  onCrisis: (crisis: CrisisResources) => void;
}) {
  const [rating, setRating] = useState<number | null>(todayMood?.rating ?? null);
  const [note, setNote] = useState(todayMood?.note ?? '');
  const [helpNow, setHelpNow] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const { submit, loading, error } = useIdempotentMutation(LOG_MOOD_MUTATION, {
    refetchQueries: ['Portal'],
  });
  const legendId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    setLocalError(null);
    if (rating === null) {
      setLocalError('Choose a number from 1 to 10.');
      return;
    }
    const result = await submit({ rating, note: note.trim() || null, helpNow });
    if (!result) return;
    if (result.logMood.crisis) onCrisis(result.logMood.crisis);
    setHelpNow(false);
    setMessage(
      result.logMood.replacedPrevious ? "Updated today's mood. Thank you." : 'Saved. Thank you for checking in.',
    );
  }

  return (
    <section className="portal-card" aria-labelledby="mood-heading" data-testid="mood-checkin">
      <h2 id="mood-heading">How is your mood today?</h2>
      {todayMood && !message && (
        <p className="muted">You rated today {todayMood.rating} out of 10. You can change it.</p>
      )}
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <div role="group" aria-labelledby={legendId} className="mood-scale">
          <p id={legendId} className="mood-scale__legend">
            1 is the worst, 10 is the best
          </p>
          <div className="mood-scale__buttons">
            {RATINGS.map((value) => (
              <button
                key={value}
                type="button"
                className="mood-button"
                aria-pressed={rating === value}
                aria-label={`${value}${value === 1 ? ' (worst)' : value === 10 ? ' (best)' : ''}`}
                data-testid={`mood-${value}`}
                onClick={() => setRating(value)}
              >
                {value}
              </button>
            ))}
          </div>
          <div className="mood-scale__anchors" aria-hidden="true">
            <span>Worst</span>
            <span>Best</span>
          </div>
        </div>
        <TextAreaField label="Note (optional)" rows={2} maxLength={1000} value={note} onValueChange={setNote} />
        <label className="check check--help">
          <input type="checkbox" checked={helpNow} onChange={(event) => setHelpNow(event.target.checked)} />
          <span>I need help now</span>
        </label>
        <FormMessage error={localError ?? error?.message} success={message} />
        <button type="submit" className="button button--primary button--block" disabled={loading}>
          {loading ? 'Saving…' : todayMood ? 'Update today’s mood' : 'Save today’s mood'}
        </button>
      </form>
    </section>
  );
}
