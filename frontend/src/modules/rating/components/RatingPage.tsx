import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { CairnMark } from '../../auth/components/CairnMark';
import { CrisisPanel } from '../../common/components/CrisisPanel';
import { FormMessage } from '../../common/components/FormMessage';
import { LoadingState } from '../../common/components/LoadingState';
import type { CrisisResources } from '../../common/graphql/types';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { useIdempotentMutation } from '../../common/hooks/useIdempotentMutation';
import { ALLIANCE_ITEMS, ALLIANCE_PROMPT } from '../../common/lib/allianceItems';
import { describeApiError } from '../../common/lib/errors';
import { formatLocalDateLong } from '../../common/lib/format';
import { RATING_LINK_QUERY, SUBMIT_ALLIANCE_RATING_MUTATION } from '../graphql/rating';
import { AllianceSlider } from './AllianceSlider';
import './rating.css';

/** The one-time session rating a client opens from a link, without signing in. */
export function RatingPage() {
  useDocumentTitle('Rate your session');
  const { token = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(RATING_LINK_QUERY, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const [result, setResult] = useState<Submitted | null>(null);

  let body;
  if (result) body = <ThankYou {...result} />;
  else if (loading && !data) body = <LoadingState />;
  else if (error && !data) {
    const described = describeApiError(error);
    const code = described?.code ?? null;
    body =
      code === 'BAD_USER_INPUT' ? (
        <SessionNotRateable reason={described?.message ?? null} />
      ) : code === 'NOT_FOUND' || code === 'CONFLICT' ? (
        <LinkUnavailable />
      ) : (
        <div className="rating__state" role="alert" data-testid="rating-error">
          <h1>We could not open this link</h1>
          <p>
            {code === 'RATE_LIMITED'
              ? 'Too many attempts. Please wait a minute and try again.'
              : 'Check your connection and try again.'}
          </p>
          <button type="button" className="button" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      );
  } else if (data) {
    body = (
      <RatingForm
        token={token}
        therapistFirstName={data.ratingLink.therapistFirstName}
        sessionDate={data.ratingLink.sessionDate}
        onSubmitted={setResult}
      />
    );
  }

  return (
    <main className="rating" id="main">
      <p className="rating__brand">
        <CairnMark /> Cairn
      </p>
      {body}
    </main>
  );
}

function RatingForm({
  token,
  therapistFirstName,
  sessionDate,
  onSubmitted,
}: {
  token: string;
  therapistFirstName: string;
  sessionDate: string;
  onSubmitted: (result: Submitted) => void;
}) {
  const [answers, setAnswers] = useState<(number | null)[]>(() => ALLIANCE_ITEMS.map(() => null));
  const [comment, setComment] = useState('');
  const [helpNow, setHelpNow] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const { submit, loading, error } = useIdempotentMutation(SUBMIT_ALLIANCE_RATING_MUTATION);
  const commentId = useId();
  const missing = answers.filter((answer) => answer === null).length;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (missing > 0) {
      setShowMissing(true);
      const first = answers.findIndex((answer) => answer === null);
      document.getElementById(`alliance-item-${ALLIANCE_ITEMS[first].id}`)?.focus();
      return;
    }
    const submitted = await submit({
      token,
      answers: answers as number[],
      comment: comment.trim() || null,
      helpNow,
    });
    if (submitted) onSubmitted(submitted.submitAllianceRating);
  }

  // The link was used or expired while the form was open, or its session was cancelled or missed.
  if (error?.code === 'NOT_FOUND' || error?.code === 'CONFLICT') return <LinkUnavailable />;
  if (error?.code === 'BAD_USER_INPUT' && error.field === 'token') return <SessionNotRateable reason={error.message} />;

  return (
    <form className="rating__form" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="rating-form">
      <h1 className="rating__title">
        Your session with {therapistFirstName}
        <span className="rating__date" data-testid="rating-session-date">
          {/* "on Tuesday 24 November": a link lives 7 days, so the weekday and date say which session. */}
          on {formatLocalDateLong(sessionDate)}
        </span>
      </h1>
      <p className="rating__prompt">{ALLIANCE_PROMPT}</p>
      {ALLIANCE_ITEMS.map((item, index) => (
        <AllianceSlider
          key={item.id}
          item={item}
          index={index}
          value={answers[index]}
          invalid={showMissing && answers[index] === null}
          onChange={(value) => setAnswers((previous) => previous.map((answer, i) => (i === index ? value : answer)))}
        />
      ))}
      <div className="field">
        <label htmlFor={commentId}>Anything you want to add? (optional)</label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={1000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      <label className="check check--help">
        <input type="checkbox" checked={helpNow} onChange={(event) => setHelpNow(event.target.checked)} />
        <span>I need help now</span>
      </label>
      <FormMessage
        error={
          showMissing && missing > 0
            ? `Please move each slider to your answer (${missing} left).`
            : error
              ? error.code === 'NETWORK'
                ? 'Not sent: check your connection and press Send again. It will only be counted once.'
                : error.message
              : null
        }
      />
      <button type="submit" className="button button--primary button--block button--large" disabled={loading}>
        {loading ? 'Sending…' : 'Send'}
      </button>
      <p className="rating__privacy muted">Your therapist sees your answers. This link works once.</p>
    </form>
  );
}

interface Submitted {
  crisis: CrisisResources | null;
  /** Set when the help request went through but the rating could not be kept. */
  notRecordedReason: string | null;
}

function ThankYou({ crisis, notRecordedReason }: Submitted) {
  return (
    <div className="rating__done" data-testid="rating-thanks">
      {crisis && <CrisisPanel crisis={crisis} />}
      <div className="rating__state" role="status">
        <h1>Thank you</h1>
        {notRecordedReason ? (
          <p>Your therapist has been told you need help. Your rating itself was not kept: {notRecordedReason}.</p>
        ) : (
          <p>Your rating was sent. It helps your therapist make the sessions work for you.</p>
        )}
        <p className="muted">You can close this page.</p>
      </div>
    </div>
  );
}

function SessionNotRateable({ reason }: { reason: string | null }) {
  return (
    <div className="rating__state" role="alert" data-testid="rating-not-rateable">
      <h1>This session cannot be rated</h1>
      {reason && <p>{reason.charAt(0).toUpperCase() + reason.slice(1)}.</p>}
      <p className="muted">If you think this is wrong, ask your therapist.</p>
      <p>If you need help now, call your local emergency number or a crisis line.</p>
    </div>
  );
}

function LinkUnavailable() {
  return (
    <div className="rating__state" role="alert" data-testid="rating-unavailable">
      <h1>This link can no longer be used</h1>
      <p>It has already been used or has expired. Links work once and for 7 days.</p>
      <p className="muted">If you want to rate your session, ask your therapist for a new link.</p>
    </div>
  );
}
