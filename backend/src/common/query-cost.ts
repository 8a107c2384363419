import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Fields whose cost is their work, not their size in the document: a practice report reads every
 * finished episode of the period, an export streams them all. graphql-armor's cost limit counts
 * nodes, so 15 aliased reports cost 8.7 times one; here each occurrence costs its full weight
 * (fragments counted once per spread).
 */
export const EXPENSIVE_FIELDS: Readonly<Record<string, number>> = { practiceReport: 1, createExport: 1 };
/** Per operation: one report or export, as the dashboard asks for them, with room for one more. */
export const MAX_EXPENSIVE_COST = 2;

export function expensiveFieldsRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const costOf = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let cost = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        cost += EXPENSIVE_FIELDS[s.name.value] ?? 0;
        if (s.selectionSet) cost += costOf(s.selectionSet, seen);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        cost += costOf(s.selectionSet, seen);
      } else {
        const fragment = fragments.get(s.name.value);
        // A fragment cycle is refused by GraphQL's own rules; not followed twice here.
        if (fragment && !seen.has(s.name.value))
          cost += costOf(fragment.selectionSet, new Set([...seen, s.name.value]));
      }
      if (cost > MAX_EXPENSIVE_COST) return cost;
    }
    return cost;
  };

  return {
    OperationDefinition(node) {
      const cost = costOf(node.selectionSet, new Set());
      if (cost > MAX_EXPENSIVE_COST) {
        context.reportError(
          new GraphQLError(
            `At most ${MAX_EXPENSIVE_COST} reports or exports per request (practiceReport, createExport); send them separately`,
            { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ),
        );
      }
    },
  };
}
