const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * People in alphabetical order of their name (ties by id, so the order never depends on the
 * server's). Therapists are listed this way everywhere in reports: never ranked by a rate.
 */
export function alphabetical<T>(items: readonly T[], nameOf: (item: T) => string, idOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(nameOf(a), nameOf(b)) || (idOf(a) < idOf(b) ? -1 : 1));
}
