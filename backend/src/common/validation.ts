import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
} from 'class-validator';
import { badInput } from './errors.js';

/** A whole number in [min, max]; the message names the field and the range. */
export const IntRange = (min: number, max: number) =>
  applyDecorators(
    IsInt({ message: `$property must be a whole number from ${min} to ${max}` }),
    Min(min, { message: `$property must be a whole number from ${min} to ${max}` }),
    Max(max, { message: `$property must be a whole number from ${min} to ${max}` }),
  );

export const Text = (max: number, min = 0) =>
  applyDecorators(
    IsString({ message: `$property must be text` }),
    MinLength(min, { message: `$property must be at least ${min} characters` }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );

export const Id = () => IsUUID('all', { message: '$property must be an id (UUID)' });

export const OneOf = (values: readonly string[]) =>
  IsIn(values as string[], { message: `$property must be one of ${values.join(', ')}` });

export const Flag = () => IsBoolean({ message: '$property must be true or false' });

export { IsOptional };

/** Retried submissions on a bad mobile connection carry the same key and record once. */
export const IdempotencyKey = () =>
  applyDecorators(
    IsString({ message: 'idempotencyKey must be text' }),
    Matches(/^[A-Za-z0-9._:-]{8,100}$/, {
      message: 'idempotencyKey must be 8 to 100 letters, digits or . _ : -',
    }),
  );

/** A calendar date written YYYY-MM-DD that exists. */
export const LocalDateString = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date written YYYY-MM-DD' }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'realDate',
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: '$property must be a real calendar date (YYYY-MM-DD)' },
        validator: { validate: (v: unknown) => typeof v === 'string' && isRealDate(v) },
      }),
  );

/**
 * Shaped like an IANA time zone this server's Intl knows, e.g. Europe/London. Whether PostgreSQL
 * knows it too is checked against its own list (`checkClientTimeZone` in local-time.ts).
 */
export const TimeZone = () => (target: object, propertyName: string | symbol) =>
  registerDecorator({
    name: 'timeZone',
    target: target.constructor,
    propertyName: String(propertyName),
    options: { message: '$property must be an IANA time zone such as America/New_York' },
    validator: { validate: (v: unknown) => typeof v === 'string' && isTimeZone(v) },
  });

export function isTimeZone(value: string): boolean {
  if (value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Text PostgreSQL cannot store as given: a NUL character (text columns refuse it, a 500 before this
 * check) or a lone UTF-16 surrogate (not Unicode; the driver would silently store U+FFFD instead).
 */
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE_TEXT.test(value);
}

/**
 * The path to the first unstorable string (or object key) in a parsed value such as GraphQL
 * variables or JSON; null when there is none. Iterative, so deep nesting cannot exhaust the stack.
 */
export function unstorableTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  const pending: [unknown, (string | number)[]][] = [[value, path]];
  while (pending.length > 0) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      if (!isStorableText(item)) return at;
    } else if (Array.isArray(item)) {
      item.forEach((v, i) => pending.push([v, [...at, i]]));
    } else if (item !== null && typeof item === 'object') {
      for (const [key, v] of Object.entries(item)) {
        if (!isStorableText(key)) return [...at, key];
        pending.push([v, [...at, key]]);
      }
    }
  }
  return null;
}

/** A JSON text argument, parsed; a string in it PostgreSQL cannot store (JSON's \u0000 escape too) is named. */
export function parseJsonArgument(json: string, field: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw badInput(field, `${field} must be ${what}`);
  }
  const path = unstorableTextPath(value, [field]);
  if (path) {
    const named = path.join('.');
    throw badInput(named, `${named} must not contain a NUL character or an unpaired surrogate`);
  }
  return value;
}

/** The earliest date a clinical record may carry (an episode's start, for one). */
export const EARLIEST_DATE = '1900-01-01';

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function firstProblem(errors: ValidationError[], path: string[] = []): { field: string; message: string } | null {
  for (const e of errors) {
    const here = [...path, e.property];
    if (e.constraints) {
      const message = Object.values(e.constraints)[0];
      return { field: here.join('.'), message };
    }
    const nested = firstProblem(e.children ?? [], here);
    if (nested) return nested;
  }
  return null;
}

/** class-validator on every input; the first problem becomes BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors) ?? { field: 'input', message: 'input is not valid' };
      return badInput(problem.field, problem.message);
    },
  });
}
