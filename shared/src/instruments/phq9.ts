import type { InstrumentDefinition, ResponseOption } from './types.js';

/** The answer scale PHQ-9 and GAD-7 share (how often over the last two weeks). */
export const TWO_WEEK_FREQUENCY: readonly ResponseOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

// PHQ-9 (Kroenke, Spitzer & Williams 2001), wording as published by Pfizer, free to reproduce.
// Bands are Kroenke 2001; caseness >= 10 and reliable change 6 are NHS Talking Therapies values.
export const PHQ9: InstrumentDefinition = {
  code: 'PHQ9',
  version: '1',
  title: 'Patient Health Questionnaire (PHQ-9)',
  shortTitle: 'PHQ-9',
  prompt: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  responseOptions: TWO_WEEK_FREQUENCY,
  items: [
    { id: 'phq9_1', loinc: '44250-9', min: 0, max: 3, text: 'Little interest or pleasure in doing things' },
    { id: 'phq9_2', loinc: '44255-8', min: 0, max: 3, text: 'Feeling down, depressed, or hopeless' },
    { id: 'phq9_3', loinc: '44259-0', min: 0, max: 3, text: 'Trouble falling or staying asleep, or sleeping too much' },
    { id: 'phq9_4', loinc: '44254-1', min: 0, max: 3, text: 'Feeling tired or having little energy' },
    { id: 'phq9_5', loinc: '44251-7', min: 0, max: 3, text: 'Poor appetite or overeating' },
    {
      id: 'phq9_6',
      loinc: '44258-2',
      min: 0,
      max: 3,
      text: 'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
    },
    {
      id: 'phq9_7',
      loinc: '44252-5',
      min: 0,
      max: 3,
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    },
    {
      id: 'phq9_8',
      loinc: '44253-3',
      min: 0,
      max: 3,
      text:
        'Moving or speaking so slowly that other people could have noticed; or the opposite, being so fidgety ' +
        'or restless that you have been moving around a lot more than usual',
    },
    {
      id: 'phq9_9',
      loinc: '44260-8',
      min: 0,
      max: 3,
      text: 'Thoughts that you would be better off dead, or of hurting yourself in some way',
    },
  ],
  total: { min: 0, max: 27 },
  direction: 'HIGHER_IS_WORSE',
  bands: [
    { label: 'minimal', min: 0, max: 4 },
    { label: 'mild', min: 5, max: 9 },
    { label: 'moderate', min: 10, max: 14 },
    { label: 'moderately severe', min: 15, max: 19 },
    { label: 'severe', min: 20, max: 27 },
  ],
  casenessCutoff: 10,
  reliableChange: 6,
  licence:
    'Developed by Drs Spitzer, Williams, Kroenke and colleagues with a grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  loinc: { panel: '44249-1', total: '44261-6' },
};

/** Index of PHQ-9 item 9 (thoughts of self-harm) in an answers array. */
export const PHQ9_ITEM9_INDEX = 8;
