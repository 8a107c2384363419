import { useId, useState, type FormEvent } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import type { Goal } from '../../common/graphql/types';
import { useIdempotentMutation } from '../../common/hooks/useIdempotentMutation';
import { formatDate } from '../../common/lib/format';
import { RATE_GOAL_MUTATION } from '../graphql/portal';

/** How far the client feels they have come on each goal, 0-10. */
export function GoalRatings({ goals }: { goals: readonly Goal[] }) {
  const active = goals.filter(
    (goal) => goal.status.toUpperCase() !== 'ACHIEVED' && goal.status.toUpperCase() !== 'DROPPED',
  );
  if (goals.length === 0) return null;
  return (
    <section className="portal-card" aria-labelledby="goals-heading" data-testid="goal-ratings">
      <h2 id="goals-heading">Your goals</h2>
      <p className="muted">0 means no progress yet, 10 means you have reached the goal.</p>
      <ul className="goal-list">
        {(active.length ? active : goals).map((goal) => (
          <GoalRatingItem key={goal.id} goal={goal} />
        ))}
      </ul>
    </section>
  );
}

function GoalRatingItem({ goal }: { goal: Goal }) {
  const latest = [...goal.ratings].sort((a, b) => b.ratedAt.localeCompare(a.ratedAt))[0];
  const [rating, setRating] = useState<number>(latest?.rating ?? 0);
  const [saved, setSaved] = useState<string | null>(null);
  const { submit, loading, error } = useIdempotentMutation(RATE_GOAL_MUTATION, {
    refetchQueries: ['Portal'],
  });
  const sliderId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const result = await submit({ goalId: goal.id, rating });
    if (result) setSaved(`Saved: ${result.rateGoal.rating} out of 10.`);
  }

  return (
    <li className="goal" data-testid="goal-item">
      <form onSubmit={(event) => void handleSubmit(event)}>
        <label htmlFor={sliderId} className="goal__title">
          {goal.title}
        </label>
        {latest && (
          <p className="muted">
            Last time: {latest.rating} out of 10 ({formatDate(latest.ratedAt)})
          </p>
        )}
        <div className="slider">
          <input
            id={sliderId}
            type="range"
            min={0}
            max={10}
            step={1}
            value={rating}
            onChange={(event) => {
              setRating(Number(event.target.value));
              setSaved(null);
            }}
            aria-valuetext={`${rating} out of 10`}
          />
          <output htmlFor={sliderId} className="slider__value">
            {rating}
          </output>
        </div>
        <div className="slider__anchors" aria-hidden="true">
          <span>No progress</span>
          <span>Reached</span>
        </div>
        <FormMessage error={error?.message} success={saved} />
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Saving…' : 'Save rating'}
        </button>
      </form>
    </li>
  );
}
