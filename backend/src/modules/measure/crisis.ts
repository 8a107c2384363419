import { crisisResources } from '@cairn/shared';
import type { CrisisResources } from './measure.types.js';

const MESSAGE =
  'You told us you may need help now. Your therapist has been alerted, but they may not see it straight away. ' +
  'If you are in danger or might act on thoughts of harming yourself, contact one of these now.';

/** Crisis lines for the practice's country, shaped for the client UI. */
export function crisisFor(country: string): CrisisResources {
  const resources = crisisResources(country);
  const lines = resources.contacts.map((c) => ({
    name: c.name,
    phone: c.number && c.ways.includes('CALL') ? c.number : null,
    text: c.number && c.ways.includes('TEXT') ? c.number : null,
    url: null,
    description: c.description,
  }));
  if (resources.moreHelp)
    lines.push({ name: 'More helplines', phone: null, text: null, url: null, description: resources.moreHelp });
  return { message: MESSAGE, lines };
}
