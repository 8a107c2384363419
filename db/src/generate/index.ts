export { generatePractice, PRACTICE_SIZES } from './practice.js';
export type { GenerateOptions, GenerateResult, PracticeSize } from './practice.js';
export { CRITERIA, RELIABLE_CHANGE } from './oracle.js';
export type { Criterion, FlagKind, GroundTruthEvent } from './oracle.js';
export type { RowCounts, TableName } from './loader.js';
