import type { Flag } from '../graphql/flags';
import { FLAG_KIND_LABEL, SEVERITY_LABEL } from '../flagWording';
import { SeverityIcon } from './SeverityIcon';
import './flags.css';

/** A flag in a few words: severity as icon and text, then the rule's own plain description. */
export function FlagChip({ flag }: { flag: Pick<Flag, 'id' | 'kind' | 'severity' | 'status' | 'description'> }) {
  return (
    <span
      className={`flag-chip flag-chip--${flag.severity.toLowerCase()}${flag.status === 'ACKNOWLEDGED' ? ' flag-chip--acknowledged' : ''}`}
      data-testid="flag-chip"
      data-kind={flag.kind}
      data-severity={flag.severity}
      title={`${FLAG_KIND_LABEL[flag.kind]}: ${flag.description}`}
    >
      <SeverityIcon severity={flag.severity} />
      <span className="flag-chip__severity">{SEVERITY_LABEL[flag.severity]}</span>
      <span className="flag-chip__text">
        <span className="visually-hidden">{FLAG_KIND_LABEL[flag.kind]}: </span>
        {flag.description}
        {flag.status === 'ACKNOWLEDGED' && <span className="flag-chip__status"> (acknowledged)</span>}
      </span>
    </span>
  );
}
