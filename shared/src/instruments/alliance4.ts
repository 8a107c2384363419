import type { InstrumentDefinition } from './types.js';

// Cairn's own four-item session alliance rating (bond, goals, task, overall), not a licensed scale.
const notAtAll = 'Not at all';
export const ALLIANCE4: InstrumentDefinition = {
  code: 'ALLIANCE4',
  version: '1',
  title: 'Session alliance rating',
  shortTitle: 'Alliance',
  prompt: "Thinking about today's session, how much do you agree?",
  items: [
    { id: 'heard', min: 0, max: 10, text: 'I felt heard and respected', anchors: { min: notAtAll, max: 'Completely' } },
    {
      id: 'goals',
      min: 0,
      max: 10,
      text: 'We worked on what I wanted to work on',
      anchors: { min: notAtAll, max: 'Completely' },
    },
    { id: 'approach', min: 0, max: 10, text: 'The approach fits me', anchors: { min: notAtAll, max: 'Completely' } },
    {
      id: 'overall',
      min: 0,
      max: 10,
      text: "Overall, today's session was right for me",
      anchors: { min: 'Something was missing', max: 'It was right for me' },
    },
  ],
  total: { min: 0, max: 40 },
  direction: 'HIGHER_IS_BETTER',
  bands: [
    { label: 'concern', min: 0, max: 35 },
    { label: 'good', min: 36, max: 40 },
  ],
  // Read with the direction: a total below 36 is a concern (see InstrumentDefinition).
  casenessCutoff: 36,
  licence: "Cairn's own wording; free to use within Cairn.",
};
