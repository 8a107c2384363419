import type { TrajectorySignal } from '../graphql/types';
import { SIGNAL_DESCRIPTION, SIGNAL_LABEL } from '../lib/clinicalWording';

/** The trajectory signal as a shape, a word and a colour (never colour alone). */
export function SignalBadge({ signal }: { signal: TrajectorySignal }) {
  return (
    <span className={`signal signal--${signal.toLowerCase()}`} title={SIGNAL_DESCRIPTION[signal]} data-signal={signal}>
      <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        {signal === 'WHITE' && <circle cx="6" cy="6" r="4.8" />}
        {signal === 'GREEN' && <polyline points="1.5,6.5 4.8,9.5 10.5,2.5" />}
        {signal === 'YELLOW' && <polygon points="6,1 11.2,10.6 0.8,10.6" />}
        {signal === 'RED' && <polygon points="6,0.6 11.4,6 6,11.4 0.6,6" />}
      </svg>
      <span>{SIGNAL_LABEL[signal]}</span>
    </span>
  );
}
