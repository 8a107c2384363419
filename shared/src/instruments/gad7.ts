import { TWO_WEEK_FREQUENCY } from './phq9.js';
import type { InstrumentDefinition } from './types.js';

// GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006), Pfizer wording, free to reproduce.
// Bands are Spitzer 2006; caseness >= 8 and reliable change 4 are NHS Talking Therapies values.
export const GAD7: InstrumentDefinition = {
  code: 'GAD7',
  version: '1',
  title: 'Generalized Anxiety Disorder scale (GAD-7)',
  shortTitle: 'GAD-7',
  prompt: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  responseOptions: TWO_WEEK_FREQUENCY,
  items: [
    { id: 'gad7_1', loinc: '69725-0', min: 0, max: 3, text: 'Feeling nervous, anxious, or on edge' },
    { id: 'gad7_2', loinc: '68509-9', min: 0, max: 3, text: 'Not being able to stop or control worrying' },
    { id: 'gad7_3', loinc: '69733-4', min: 0, max: 3, text: 'Worrying too much about different things' },
    { id: 'gad7_4', loinc: '69734-2', min: 0, max: 3, text: 'Trouble relaxing' },
    { id: 'gad7_5', loinc: '69735-9', min: 0, max: 3, text: 'Being so restless that it is hard to sit still' },
    { id: 'gad7_6', loinc: '69689-8', min: 0, max: 3, text: 'Becoming easily annoyed or irritable' },
    { id: 'gad7_7', loinc: '69736-7', min: 0, max: 3, text: 'Feeling afraid, as if something awful might happen' },
  ],
  total: { min: 0, max: 21 },
  direction: 'HIGHER_IS_WORSE',
  bands: [
    { label: 'minimal', min: 0, max: 4 },
    { label: 'mild', min: 5, max: 9 },
    { label: 'moderate', min: 10, max: 14 },
    { label: 'severe', min: 15, max: 21 },
  ],
  casenessCutoff: 8,
  reliableChange: 4,
  licence:
    'Developed by Drs Spitzer, Williams, Kroenke and colleagues with a grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  loinc: { panel: '69737-5', total: '70274-6' },
};
