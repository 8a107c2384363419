import { useEffect, useRef } from 'react';
import type { CrisisResources } from '../graphql/types';

/**
 * Shown at once, above everything else, when a submission came back with crisis resources. It takes
 * focus so that a screen reader user hears it before anything else.
 */
export function CrisisPanel({ crisis }: { crisis: CrisisResources }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [crisis]);
  return (
    <section className="crisis" aria-labelledby="crisis-heading" data-testid="crisis-resources" role="alert">
      <h2 id="crisis-heading" ref={heading} tabIndex={-1}>
        <span aria-hidden="true">☎ </span>Help is available now
      </h2>
      <p className="crisis__message">{crisis.message}</p>
      <ul className="crisis__lines">
        {crisis.lines.map((crisisLine) => (
          <li key={crisisLine.name} className="crisis__line">
            <strong>{crisisLine.name}</strong>
            {crisisLine.description && <span className="crisis__description">{crisisLine.description}</span>}
            <span className="crisis__actions">
              {crisisLine.phone && (
                <a className="button button--crisis" href={`tel:${crisisLine.phone.replace(/[^\d+]/g, '')}`}>
                  Call {crisisLine.phone}
                </a>
              )}
              {crisisLine.text && (
                <a className="button button--crisis-secondary" href={smsHref(crisisLine.text)}>
                  Text {crisisLine.text}
                </a>
              )}
              {crisisLine.url && (
                <a className="button button--crisis-secondary" href={crisisLine.url} target="_blank" rel="noreferrer">
                  Open website
                </a>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="crisis__footer">If you are in immediate danger, call your local emergency number now.</p>
    </section>
  );
}

// `text` may be a bare number ('988') or an instruction ('Text HOME to 741741'): link the number in it.
function smsHref(text: string): string {
  const numbers = text.match(/\d[\d\s]{2,}\d|\d{3,}/g);
  const number = numbers ? numbers[numbers.length - 1].replace(/\s/g, '') : text;
  const keyword = text.match(/\b([A-Z]{3,})\b/);
  return keyword ? `sms:${number}?&body=${encodeURIComponent(keyword[1])}` : `sms:${number}`;
}
