import type { FlagSeverity } from '../graphql/flags';

/** A distinct shape per severity (octagon, triangle, circle), so colour is never the only cue. */
export function SeverityIcon({ severity }: { severity: FlagSeverity }) {
  return (
    <svg
      className={`severity-icon severity-icon--${severity.toLowerCase()}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      {severity === 'URGENT' && <polygon points="5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" />}
      {severity === 'HIGH' && <polygon points="8,1 15.5,14.5 0.5,14.5" />}
      {severity === 'MEDIUM' && <circle cx="8" cy="8" r="7" />}
      <text x="8" y={severity === 'HIGH' ? 12.6 : 11.6} textAnchor="middle">
        {severity === 'MEDIUM' ? 'i' : '!'}
      </text>
    </svg>
  );
}
