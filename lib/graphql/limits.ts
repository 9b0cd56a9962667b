import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";

/** Each selected field costs at most a few queries; a document selecting more is refused before anything runs. */
export const MAX_FIELDS = 300;
/** Root fields (aliases included) each run a service call: `{ a: spots … b: spots … }` × 1000 is not a query. */
export const MAX_ROOT_FIELDS = 20;

export function selectionLimits(context: ValidationContext): ASTVisitor {
  let fields = 0;
  return {
    Field() {
      fields += 1;
    },
    OperationDefinition: {
      enter(operation) {
        const roots = operation.selectionSet.selections.filter((selection) => selection.kind === "Field").length;
        if (roots > MAX_ROOT_FIELDS) {
          context.reportError(new GraphQLError(`An operation may select at most ${MAX_ROOT_FIELDS} root fields; this one selects ${roots}.`, { nodes: operation }));
        }
      },
    },
    Document: {
      leave(document) {
        if (fields > MAX_FIELDS) {
          context.reportError(new GraphQLError(`A document may select at most ${MAX_FIELDS} fields; this one selects ${fields}.`, { nodes: document }));
        }
      },
    },
  };
}
