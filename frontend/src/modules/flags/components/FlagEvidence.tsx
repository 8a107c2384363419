/** The evidence a flag rule stored, as readable key/value pairs (falls back to the raw text). */
export function FlagEvidence({ evidence, ruleVersion }: { evidence: string; ruleVersion: string }) {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(evidence);
  } catch {
    parsed = null;
  }
  return (
    <details className="flag-evidence">
      <summary>Evidence (rule {ruleVersion})</summary>
      {parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (
        <dl>
          {Object.entries(parsed as Record<string, unknown>).map(([key, value]) => (
            <div key={key} className="flag-evidence__row">
              <dt>{humanize(key)}</dt>
              <dd>
                {typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
                  ? String(value)
                  : JSON.stringify(value)}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <pre>{evidence}</pre>
      )}
    </details>
  );
}

function humanize(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}
