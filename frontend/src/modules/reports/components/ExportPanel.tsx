import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import { asErrorLike, describeApiError, type ApiError } from '../../common/lib/errors';
import { formatDateTime, formatLocalDate } from '../../common/lib/format';
import {
  EXPORT_CHOICES,
  exportChoice,
  exportHref,
  exportLabel,
  progressText,
  type ExportChoice,
} from '../exportOptions';
import { CREATE_EXPORT_MUTATION, type Export } from '../graphql/export';
import { useExportProgress } from '../hooks/useExportProgress';

/**
 * Exports of the report's period: choose a format, say whether names may be included (off by
 * default), create it, then download it from this origin with the same session. The server writes
 * the file as it is downloaded, so progress shows while that happens.
 */
export function ExportPanel({ from, to, therapistSelected }: { from: string; to: string; therapistSelected: boolean }) {
  const [choice, setChoice] = useState<ExportChoice>('CSV_EPISODES');
  const [identifiable, setIdentifiable] = useState(false);
  const [created, setCreated] = useState<Export | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [createExport, { loading }] = useMutation(CREATE_EXPORT_MUTATION);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const { format, dataset } = exportChoice(choice);
    try {
      const result = await createExport({
        variables: { input: { format, ...(format === 'CSV' ? { dataset } : {}), from, to, identifiable } },
      });
      if (result.data) setCreated(result.data.createExport);
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown)));
    }
  }

  return (
    <section className="panel export-panel" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title" className="panel__title">
        Export
      </h2>
      <p className="muted panel__intro">
        {formatLocalDate(from)} to {formatLocalDate(to)}, the whole practice
        {therapistSelected ? ' (the therapist filter does not apply to exports)' : ''}. Every export is recorded in the
        audit trail.
      </p>
      <form className="form export-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <fieldset className="export-form__formats">
          <legend>Format</legend>
          {EXPORT_CHOICES.map((option) => (
            <label key={option.choice} className="choice">
              <input
                type="radio"
                name="export-format"
                value={option.choice}
                checked={choice === option.choice}
                onChange={() => setChoice(option.choice)}
                aria-describedby={`export-hint-${option.choice}`}
              />
              <span className="choice__text">
                <span className="choice__label">{option.label}</span>
                <span id={`export-hint-${option.choice}`} className="choice__hint">
                  {option.hint}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="export-form__identifiable">
          <label className="check">
            <input
              type="checkbox"
              checked={identifiable}
              onChange={(event) => setIdentifiable(event.target.checked)}
              aria-describedby="export-identifiable-warning"
            />
            Identifiable (names included)
          </label>
          <p
            id="export-identifiable-warning"
            className={`export-warning${identifiable ? ' export-warning--on' : ''}`}
            data-testid="export-identifiable-warning"
          >
            {identifiable ? (
              <>
                <strong>This export will include clients&apos; names.</strong> Anyone with the file can identify the
                clients in it. Save it only somewhere secure that your practice approves, share it only with people
                entitled to see it, and delete it when you no longer need it. The download is audited as identifiable.
              </>
            ) : (
              <>
                Without this, clients appear only by their pseudonymous codes. Tick it only if you need names, for
                example to contact clients; the file then identifies them and must be kept secure.
              </>
            )}
          </p>
        </div>
        <FormMessage error={error?.message} />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating export…' : 'Create export'}
          </button>
        </div>
      </form>
      {created && <ExportDownload key={created.id} created={created} />}
    </section>
  );
}

function ExportDownload({ created }: { created: Export }) {
  const { progress, watching, notStarted, error, watch } = useExportProgress(created.id);
  const label = exportLabel(created.format, created.dataset);
  const period = `${formatLocalDate(created.from)} to ${formatLocalDate(created.to)}`;
  const status = progress?.status ?? null;
  const running = watching && status !== 'COMPLETE' && status !== 'FAILED';
  const expired = error?.code === 'NOT_FOUND';
  const text = expired
    ? 'This export has expired. Create a new one.'
    : error
      ? `We could not check the download: ${error.message}`
      : notStarted
        ? 'The download has not started. Use the link again, and check that your browser allowed it.'
        : progress
          ? progressText(created.format, progress)
          : 'Waiting for the download to start…';
  const announcement = status === 'RUNNING' && !error ? 'Preparing the file…' : text;

  return (
    <div
      className="export-download"
      data-testid="export-download"
      data-status={status ?? (watching ? 'WAITING' : 'NEW')}
    >
      <p className="notice notice--success" role="status">
        Export ready: {label}, {period}
        {created.identifiable ? ', with names' : ', pseudonymous'}. The link works for you until{' '}
        {formatDateTime(created.expiresAt)}.
      </p>
      <a
        className="button button--primary"
        href={exportHref(created)}
        download
        onClick={watch}
        data-testid="export-link"
      >
        Download {label}
        {created.identifiable ? ' (identifiable)' : ''}
      </a>
      {(watching || progress || notStarted || error) && (
        <div className="export-progress" data-testid="export-progress">
          {running && (
            // No total is known while the file is written, so the bar is indeterminate.
            <progress className="export-progress__bar" aria-label={`Preparing ${label}`} />
          )}
          <p className="export-progress__text">{text}</p>
        </div>
      )}
      {/* Always present, so the first change is announced; it follows states, not every row count. */}
      <p className="visually-hidden" role="status">
        {watching || progress || notStarted || error ? announcement : ''}
      </p>
    </div>
  );
}
