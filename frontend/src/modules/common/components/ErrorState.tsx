import type { ErrorLike } from '@apollo/client';
import { describeApiError } from '../lib/errors';

export function ErrorState({
  error,
  title = 'We could not load this page',
  onRetry,
}: {
  error: ErrorLike;
  title?: string;
  onRetry?: () => void;
}) {
  const described = describeApiError(error);
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      <p>{described?.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
