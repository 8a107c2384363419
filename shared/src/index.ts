// @cairn/shared: instrument definitions, scoring, clinical statistics and flag rules. Pure, no I/O.
export * from './validation.js';
export * from './dates/local-date.js';

export * from './instruments/types.js';
export * from './instruments/phq9.js';
export * from './instruments/gad7.js';
export * from './instruments/alliance4.js';
export * from './instruments/goal.js';
export * from './instruments/registry.js';
export * from './instruments/scoring.js';
export * from './instruments/validate-definition.js';
export * from './safety/crisis-resources.js';

export * from './statistics/descriptive.js';
export * from './statistics/reliable-change.js';
export * from './statistics/episode-outcome.js';
export * from './statistics/effect-size.js';
export * from './statistics/wilson.js';
export * from './statistics/funnel.js';
export * from './statistics/mood.js';
export * from './statistics/homework.js';
export * from './statistics/trajectory.js';

export * from './flags/types.js';
export * from './flags/settings.js';
export * from './flags/risk.js';
export * from './flags/alliance-rupture.js';
export * from './flags/not-on-track.js';
export * from './flags/deterioration.js';
export * from './flags/stalled.js';
export * from './flags/disengaging.js';
export * from './flags/evaluate.js';
export * from './flags/clearing.js';
export * from './flags/priority.js';
export * from './flags/describe.js';
