import { useState, type FormEvent } from 'react';
import { FormMessage } from '../../common/components/FormMessage';
import type { Therapist } from '../../therapists/graphql/therapists';
import type { ReportInstrument } from '../graphql/report';
import { INSTRUMENT_LABEL } from '../reportFigures';
import {
  defaultPeriod,
  periodProblem,
  REPORT_INSTRUMENTS,
  type PeriodProblem,
  type ReportParams,
} from '../reportParams';

/**
 * The report's period and filters. Changes apply on "Show report", which puts them in the URL
 * (a new history entry, so Back returns to the previous report).
 */
export function ReportFiltersForm({
  params,
  therapists,
  today,
  onApply,
}: {
  params: ReportParams;
  /** In alphabetical order; empty while loading or if the list could not be loaded. */
  therapists: readonly Therapist[];
  today: string;
  onApply: (next: ReportParams) => void;
}) {
  const [from, setFrom] = useState(params.from);
  const [to, setTo] = useState(params.to);
  const [therapistId, setTherapistId] = useState(params.therapistId ?? '');
  const [instrument, setInstrument] = useState<ReportInstrument>(params.instrument);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);
  const known = therapists.some((therapist) => therapist.id === therapistId);
  const defaults = defaultPeriod(today);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = periodProblem(from, to);
    setProblem(found);
    if (found) return;
    onApply({ from, to, therapistId: therapistId || null, instrument });
  }

  function showLastYear() {
    setFrom(defaults.from);
    setTo(defaults.to);
    setProblem(null);
    onApply({ ...defaults, therapistId: therapistId || null, instrument });
  }

  return (
    <form className="filters report-filters" aria-label="Report period and filters" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor="report-from">From</label>
        <input
          id="report-from"
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.target.value)}
          required
          aria-invalid={problem?.field === 'from' || undefined}
          aria-describedby="report-period-message"
        />
      </div>
      <div className="field">
        <label htmlFor="report-to">To</label>
        <input
          id="report-to"
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.target.value)}
          required
          aria-invalid={problem?.field === 'to' || undefined}
          aria-describedby="report-period-message"
        />
      </div>
      <div className="field">
        <label htmlFor="report-therapist">Therapist</label>
        <select id="report-therapist" value={therapistId} onChange={(event) => setTherapistId(event.target.value)}>
          <option value="">All therapists</option>
          {therapistId && !known && <option value={therapistId}>Selected therapist</option>}
          {therapists.map((therapist) => (
            <option key={therapist.id} value={therapist.id}>
              {therapist.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="report-instrument">Mean change and effect size on</label>
        <select
          id="report-instrument"
          value={instrument}
          onChange={(event) => setInstrument(event.target.value as ReportInstrument)}
        >
          {REPORT_INSTRUMENTS.map((code) => (
            <option key={code} value={code}>
              {INSTRUMENT_LABEL[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row report-filters__actions">
        <button type="submit" className="button button--primary">
          Show report
        </button>
        {(params.from !== defaults.from || params.to !== defaults.to) && (
          <button type="button" className="button button--quiet" onClick={showLastYear}>
            Last 12 months
          </button>
        )}
      </div>
      <div className="report-filters__message">
        <FormMessage id="report-period-message" error={problem?.message} />
      </div>
    </form>
  );
}
