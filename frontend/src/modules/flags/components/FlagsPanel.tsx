import { byUrgency, isOpen } from '../flagWording';
import type { Flag } from '../graphql/flags';
import { FlagCard } from './FlagCard';

/** The client's flags: open and acknowledged ones first by urgency; resolved and cleared ones folded away. */
export function FlagsPanel({ flags }: { flags: readonly Flag[] }) {
  const active = flags.filter(isOpen).sort(byUrgency);
  const closedAt = (flag: Flag) => flag.resolvedAt ?? flag.clearedAt ?? '';
  const resolved = flags.filter((flag) => !isOpen(flag)).sort((a, b) => closedAt(b).localeCompare(closedAt(a)));
  return (
    <section className="panel flags-panel" aria-labelledby="flags-heading" data-testid="flags-panel">
      <h2 id="flags-heading" className="panel__title">
        Flags <span className="count">{active.length} active</span>
      </h2>
      {active.length === 0 ? (
        <p className="muted">No open flags.</p>
      ) : (
        <div className="flag-list">
          {active.map((flag) => (
            <FlagCard key={flag.id} flag={flag} />
          ))}
        </div>
      )}
      {resolved.length > 0 && (
        <details className="flags-panel__resolved">
          <summary>Resolved and cleared flags ({resolved.length})</summary>
          <div className="flag-list">
            {resolved.map((flag) => (
              <FlagCard key={flag.id} flag={flag} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
