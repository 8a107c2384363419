import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import type { CrisisResources } from '../../common/graphql/types';
import { INSTRUMENTS_QUERY } from '../graphql/portal';
import { QuestionnaireForm } from './QuestionnaireForm';

/** The questionnaires the client has been asked to fill in, one open at a time. */
export function PendingQuestionnaires({
  codes,
  onCrisis,
}: {
  codes: readonly string[];
  onCrisis: (crisis: CrisisResources) => void;
}) {
  const { data, loading, error, refetch } = useQuery(INSTRUMENTS_QUERY, {
    skip: codes.length === 0,
    fetchPolicy: 'cache-first',
  });
  const [finished, setFinished] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const remaining = codes.filter((code) => !finished.includes(code));
  const current = open && remaining.includes(open) ? open : null;
  const instrumentsByCode = new Map((data?.instruments ?? []).map((instrument) => [instrument.code, instrument]));
  const currentInstrument = current ? instrumentsByCode.get(current) : undefined;

  if (codes.length === 0 && finished.length === 0) return null;
  return (
    <section className="portal-card" aria-labelledby="questionnaires-heading" data-testid="pending-questionnaires">
      <h2 id="questionnaires-heading">Questionnaires</h2>
      {finished.length > 0 && (
        <p className="notice notice--success" role="status">
          Thank you. Your answers were sent to your therapist.
        </p>
      )}
      {remaining.length === 0 ? (
        <p className="muted">Nothing left to fill in.</p>
      ) : loading && !data ? (
        <LoadingState label="Loading questions…" />
      ) : error && !data ? (
        <ErrorState error={error} title="We could not load the questions" onRetry={() => void refetch()} />
      ) : currentInstrument ? (
        <QuestionnaireForm
          key={currentInstrument.code}
          instrument={currentInstrument}
          onCrisis={onCrisis}
          onDone={(code) => {
            setFinished((previous) => [...previous, code]);
            setOpen(null);
          }}
        />
      ) : (
        <ul className="pending-list">
          {remaining.map((code) => {
            const instrument = instrumentsByCode.get(code);
            return (
              <li key={code}>
                <button
                  type="button"
                  className="button button--block"
                  onClick={() => setOpen(code)}
                  disabled={!instrument}
                >
                  {instrument ? `Fill in: ${instrument.title}` : `${code} (not available)`}
                  {instrument && <span className="muted"> · {instrument.items.length} questions</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
