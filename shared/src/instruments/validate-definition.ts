import type { ValidationIssue } from '../validation.js';

// Validates a practice-supplied instrument (e.g. a licensed ORS) against the same schema the
// built-ins use, so scoring, bands and caseness can trust it afterwards.

type Fields = Record<string, unknown>;

const ROOT_FIELDS = new Set([
  'code',
  'version',
  'title',
  'shortTitle',
  'prompt',
  'responseOptions',
  'items',
  'total',
  'direction',
  'bands',
  'casenessCutoff',
  'reliableChange',
  'licence',
  'loinc',
]);
const ITEM_FIELDS = new Set(['id', 'text', 'loinc', 'min', 'max', 'anchors']);
const ANCHOR_FIELDS = new Set(['min', 'max']);
const BAND_FIELDS = new Set(['label', 'min', 'max']);
const OPTION_FIELDS = new Set(['value', 'label']);
const LOINC_FIELDS = new Set(['panel', 'total']);
const CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
// LOINC codes are up to 7 digits, a hyphen and a check digit, e.g. 44261-6.
const LOINC = /^\d{1,7}-\d$/;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly issues: ValidationIssue[] = [];

  add(field: string, message: string): void {
    this.issues.push({ field, message });
  }

  unknownFields(value: Fields, known: ReadonlySet<string>, path: string): void {
    for (const key of Object.keys(value)) {
      if (!known.has(key)) this.add(path + key, 'is not a known field');
    }
  }

  text(value: Fields, key: string, path: string, optional = false): string | undefined {
    const field = value[key];
    if (field === undefined && optional) return undefined;
    if (typeof field !== 'string' || field.trim() === '') {
      this.add(path + key, 'must be non-empty text');
      return undefined;
    }
    return field;
  }

  integer(value: Fields, key: string, path: string): number | undefined {
    const field = value[key];
    if (typeof field !== 'number' || !Number.isInteger(field)) {
      this.add(path + key, 'must be a whole number');
      return undefined;
    }
    return field;
  }

  loinc(value: Fields, key: string, path: string): void {
    const field = this.text(value, key, path, true);
    if (field !== undefined && !LOINC.test(field)) this.add(path + key, 'must be a LOINC code such as 44261-6');
  }

  range(value: unknown, path: string): { min: number; max: number } | undefined {
    if (!isFields(value)) {
      this.add(path, 'must be an object with min and max');
      return undefined;
    }
    const min = this.integer(value, 'min', `${path}.`);
    const max = this.integer(value, 'max', `${path}.`);
    if (min === undefined || max === undefined) return undefined;
    if (min > max) {
      this.add(`${path}.max`, `must be at least min (${min})`);
      return undefined;
    }
    return { min, max };
  }
}

function checkItems(check: Checker, value: unknown): { min: number; max: number } | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    check.add('items', 'must be a non-empty list');
    return undefined;
  }
  const items: readonly unknown[] = value;
  const ids = new Set<string>();
  let sumMin = 0;
  let sumMax = 0;
  let summable = true;
  for (const [index, item] of items.entries()) {
    const path = `items[${index}].`;
    if (!isFields(item)) {
      check.add(`items[${index}]`, 'must be an object');
      summable = false;
      continue;
    }
    check.unknownFields(item, ITEM_FIELDS, path);
    const id = check.text(item, 'id', path);
    if (id !== undefined) {
      if (ids.has(id)) check.add(`${path}id`, `duplicates another item's id "${id}"`);
      ids.add(id);
    }
    check.text(item, 'text', path);
    check.loinc(item, 'loinc', path);
    const min = check.integer(item, 'min', path);
    const max = check.integer(item, 'max', path);
    if (min === undefined || max === undefined) {
      summable = false;
    } else {
      if (min >= max) check.add(`${path}max`, `must be greater than min (${min})`);
      sumMin += min;
      sumMax += max;
    }
    if (item.anchors !== undefined) {
      if (isFields(item.anchors)) {
        check.unknownFields(item.anchors, ANCHOR_FIELDS, `${path}anchors.`);
        check.text(item.anchors, 'min', `${path}anchors.`);
        check.text(item.anchors, 'max', `${path}anchors.`);
      } else {
        check.add(`${path}anchors`, 'must be an object with min and max text');
      }
    }
  }
  return summable ? { min: sumMin, max: sumMax } : undefined;
}

function checkBands(check: Checker, value: unknown, total: { min: number; max: number } | undefined): void {
  if (!Array.isArray(value) || value.length === 0) {
    check.add('bands', 'must be a non-empty list when given');
    return;
  }
  const bands: readonly unknown[] = value;
  const labels = new Set<string>();
  // Bands must tile the total range in order, so every possible total has exactly one band.
  let expectedMin = total?.min;
  bands.forEach((band, index) => {
    const path = `bands[${index}]`;
    if (!isFields(band)) {
      check.add(path, 'must be an object');
      expectedMin = undefined;
      return;
    }
    check.unknownFields(band, BAND_FIELDS, `${path}.`);
    const label = check.text(band, 'label', `${path}.`);
    if (label !== undefined) {
      if (labels.has(label)) check.add(`${path}.label`, `duplicates another band's label "${label}"`);
      labels.add(label);
    }
    const range = check.range(band, path);
    if (range && expectedMin !== undefined && range.min !== expectedMin) {
      check.add(`${path}.min`, `must be ${expectedMin} so bands cover the total range without gaps or overlaps`);
    }
    expectedMin = range ? range.max + 1 : undefined;
  });
  if (total && expectedMin !== undefined && expectedMin !== total.max + 1) {
    check.add(`bands[${bands.length - 1}].max`, `must be ${total.max}, the highest possible total`);
  }
}

function checkResponseOptions(check: Checker, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    check.add('responseOptions', 'must be a non-empty list when given');
    return;
  }
  const options: readonly unknown[] = value;
  const values = new Set<number>();
  options.forEach((option, index) => {
    const path = `responseOptions[${index}].`;
    if (!isFields(option)) {
      check.add(`responseOptions[${index}]`, 'must be an object');
      return;
    }
    check.unknownFields(option, OPTION_FIELDS, path);
    const answer = check.integer(option, 'value', path);
    if (answer !== undefined) {
      if (values.has(answer)) check.add(`${path}value`, `duplicates another option's value ${answer}`);
      values.add(answer);
    }
    check.text(option, 'label', path);
  });
}

/** Returns every problem with a candidate instrument definition; an empty list means it is valid. */
export function validateInstrumentDefinition(value: unknown): ValidationIssue[] {
  const check = new Checker();
  if (!isFields(value)) {
    check.add('definition', 'must be an object');
    return check.issues;
  }
  check.unknownFields(value, ROOT_FIELDS, '');
  const code = check.text(value, 'code', '');
  if (code !== undefined && !CODE.test(code)) {
    check.add('code', 'must be 2-32 capital letters, digits or underscores, starting with a letter');
  }
  check.text(value, 'version', '');
  check.text(value, 'title', '');
  check.text(value, 'shortTitle', '', true);
  check.text(value, 'prompt', '', true);
  check.text(value, 'licence', '');
  if (value.direction !== 'HIGHER_IS_WORSE' && value.direction !== 'HIGHER_IS_BETTER') {
    check.add('direction', 'must be HIGHER_IS_WORSE or HIGHER_IS_BETTER');
  }
  if (value.responseOptions !== undefined) checkResponseOptions(check, value.responseOptions);

  const itemSum = checkItems(check, value.items);
  const total = check.range(value.total, 'total');
  // The total is the sum of the answers, so its range must be the sum of the item ranges.
  if (total && itemSum) {
    if (total.min !== itemSum.min) check.add('total.min', `must be ${itemSum.min}, the sum of the item minimums`);
    if (total.max !== itemSum.max) check.add('total.max', `must be ${itemSum.max}, the sum of the item maximums`);
  }
  if (value.bands !== undefined) checkBands(check, value.bands, total);

  if (value.casenessCutoff !== undefined) {
    const cutoff = value.casenessCutoff;
    if (typeof cutoff !== 'number' || !Number.isFinite(cutoff)) check.add('casenessCutoff', 'must be a number');
    else if (total && (cutoff < total.min || cutoff > total.max)) {
      check.add('casenessCutoff', `must lie within the total range ${total.min}-${total.max}`);
    }
  }
  if (value.reliableChange !== undefined) {
    const change = value.reliableChange;
    if (typeof change !== 'number' || !Number.isFinite(change) || change <= 0) {
      check.add('reliableChange', 'must be a positive number of points');
    } else if (total && change > total.max - total.min) {
      check.add('reliableChange', `must be no more than the total range (${total.max - total.min} points)`);
    }
  }
  if (value.loinc !== undefined) {
    if (isFields(value.loinc)) {
      check.unknownFields(value.loinc, LOINC_FIELDS, 'loinc.');
      for (const key of LOINC_FIELDS) {
        if (value.loinc[key] === undefined) check.add(`loinc.${key}`, 'must be a LOINC code such as 44261-6');
        else check.loinc(value.loinc, key, 'loinc.');
      }
    } else {
      check.add('loinc', 'must be an object with panel and total codes');
    }
  }
  return check.issues;
}
