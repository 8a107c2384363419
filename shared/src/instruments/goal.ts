import type { InstrumentDefinition } from './types.js';

// Progress towards one client-set goal; one rating per goal, so no bands or caseness.
export const GOAL: InstrumentDefinition = {
  code: 'GOAL',
  version: '1',
  title: 'Goal progress',
  shortTitle: 'Goal',
  prompt: 'How close are you to reaching this goal?',
  items: [
    {
      id: 'progress',
      min: 0,
      max: 10,
      text: 'Progress towards my goal',
      anchors: { min: 'No progress yet', max: 'Goal fully reached' },
    },
  ],
  total: { min: 0, max: 10 },
  direction: 'HIGHER_IS_BETTER',
  licence: "Cairn's own wording; free to use within Cairn.",
};
