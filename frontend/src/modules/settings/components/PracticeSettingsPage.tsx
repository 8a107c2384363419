import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import type { PracticeSettingsFieldsFragment } from '../../../gql/graphql';
import { Field, TextField } from '../../common/components/Field';
import { ErrorState } from '../../common/components/ErrorState';
import { FormMessage } from '../../common/components/FormMessage';
import { LoadingState } from '../../common/components/LoadingState';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { asErrorLike, describeApiError, type ApiError } from '../../common/lib/errors';
import { PRACTICE_SETTINGS_QUERY, UPDATE_PRACTICE_SETTINGS_MUTATION } from '../graphql/settings';
import { thresholdLabel } from '../thresholdLabels';

/** Crisis lines are shown for these; any other country gets international helplines. */
const CRISIS_REGIONS = [
  { code: 'US', label: 'United States (988)' },
  { code: 'GB', label: 'United Kingdom (Samaritans 116 123, NHS 111)' },
  { code: 'ZZ', label: 'Elsewhere: international helplines' },
];

/** The practice's settings for a manager: name, default time zone, crisis lines, flag thresholds. */
export function PracticeSettingsPage() {
  useDocumentTitle('Practice settings');
  const { data, loading, error, refetch } = useQuery(PRACTICE_SETTINGS_QUERY, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <LoadingState label="Loading settings…" />;
  if (error && !data)
    return <ErrorState error={error} title="We could not load the settings" onRetry={() => void refetch()} />;
  if (!data) return null;
  return <SettingsForm settings={data.practiceSettings} timeZones={data.timeZones} />;
}

function SettingsForm({ settings, timeZones }: { settings: PracticeSettingsFieldsFragment; timeZones: string[] }) {
  const [name, setName] = useState(settings.name);
  const [zone, setZone] = useState(settings.defaultTimeZone);
  const [region, setRegion] = useState(settings.crisisRegion);
  const [thresholds, setThresholds] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [save, { loading }] = useMutation(UPDATE_PRACTICE_SETTINGS_MUTATION);

  useEffect(() => {
    setThresholds(Object.fromEntries(settings.flagThresholds.map((t) => [t.key, String(t.value)])));
  }, [settings]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    const flagThresholds = [];
    for (const t of settings.flagThresholds) {
      const value = Number(thresholds[t.key]);
      if (thresholds[t.key]?.trim() === '' || !Number.isFinite(value)) {
        setError({
          code: 'BAD_USER_INPUT',
          field: `flagThresholds.${t.key}`,
          message: `${thresholdLabel(t.key)}: enter a number.`,
          serverAnswered: false,
        });
        return;
      }
      if (value !== t.defaultValue) flagThresholds.push({ key: t.key, value });
    }
    try {
      await save({
        variables: { input: { name: name.trim(), defaultTimeZone: zone, crisisRegion: region, flagThresholds } },
      });
      setSuccess('Settings saved.');
    } catch (thrown) {
      setError(describeApiError(asErrorLike(thrown)));
    }
  }

  const regions = CRISIS_REGIONS.some((r) => r.code === region)
    ? CRISIS_REGIONS
    : [...CRISIS_REGIONS, { code: region, label: `${region}: international helplines` }];

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1>Practice settings</h1>
          <p className="page__lede">Changes apply to the whole practice from the next time a flag is computed.</p>
        </div>
      </header>
      <form className="panel form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <TextField
          label="Practice name"
          value={name}
          onValueChange={setName}
          invalid={error?.field === 'name'}
          required
        />
        <Field label="Default time zone for new clients" invalid={error?.field === 'defaultTimeZone'}>
          {(control) => (
            <select {...control} value={zone} onChange={(event) => setZone(event.target.value)}>
              {timeZones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Crisis lines shown to clients" invalid={error?.field === 'crisisRegion'}>
          {(control) => (
            <select {...control} value={region} onChange={(event) => setRegion(event.target.value)}>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="settings-thresholds">
          <legend>Flag thresholds</legend>
          <p className="muted">The defaults follow the published rules; change them only with your clinical lead.</p>
          {settings.flagThresholds.map((t) => (
            <TextField
              key={t.key}
              label={`${thresholdLabel(t.key)} (default ${t.defaultValue})`}
              type="number"
              inputMode="decimal"
              step="any"
              value={thresholds[t.key] ?? ''}
              onValueChange={(value) => setThresholds((current) => ({ ...current, [t.key]: value }))}
              invalid={error?.field === `flagThresholds.${t.key}`}
            />
          ))}
        </fieldset>
        <FormMessage error={error?.message} success={success} />
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save settings'}
        </button>
      </form>
    </div>
  );
}
