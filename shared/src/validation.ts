/** One problem with caller-supplied data, naming the field so the API can say what to fix. */
export interface ValidationIssue {
  /** Path of the offending field, e.g. `items[2].max` or `answers[8]`. */
  field: string;
  message: string;
}
