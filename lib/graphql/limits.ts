import {
  GraphQLError,
  Kind,
  parse,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { env } from "../env";

/**
 * What one GraphQL document may ask for. Everything here is checked before any
 * resolver runs: the byte size before parsing, the token count while parsing
 * (the parser stops at the limit), cost and depth while validating.
 */
export interface DocumentLimits {
  /** Cost of the most expensive operation: every field after fragment expansion, lists weighted (see `measureOperation`). */
  maxCost: number;
  /** Cost of the introspection part (`__schema`, `__type`), its lists weighted by this schema's real sizes. */
  maxIntrospectionCost: number;
  /** Nesting of fields, fragments expanded. */
  maxDepth: number;
  /** Lexical tokens of the document (punctuators, names, values); graphql-js stops parsing past it. */
  maxTokens: number;
  /** UTF-8 bytes of the document text, checked before the parser sees it. */
  maxDocumentBytes: number;
  /** How many items a list field is assumed to return when it has no literal `limit` / `first` argument. */
  listFactor: number;
}

export function documentLimits(): DocumentLimits {
  const config = env();
  return {
    maxCost: config.GRAPHQL_MAX_COST,
    maxIntrospectionCost: config.GRAPHQL_MAX_INTROSPECTION_COST,
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxDocumentBytes: config.GRAPHQL_MAX_DOCUMENT_BYTES,
    listFactor: config.GRAPHQL_LIST_FACTOR,
  };
}

/** The whole request body: the document (JSON-escaped, so up to twice its size) plus 64 KiB for variables. */
export function requestBodyLimit(limits: DocumentLimits = documentLimits()): number {
  return 2 * limits.maxDocumentBytes + 65_536;
}

export type LimitCode = "QUERY_TOO_COSTLY" | "QUERY_TOO_DEEP" | "TOO_MANY_TOKENS" | "DOCUMENT_TOO_LARGE";

function limitError(code: LimitCode, message: string, limit: number, actual: number | null, nodes?: ReadonlyArray<OperationDefinitionNode>) {
  return new GraphQLError(message, {
    ...(nodes ? { nodes } : {}),
    extensions: { code, limit, ...(actual === null ? {} : { actual }), http: { status: 400 } },
  });
}

/** Arguments that bound how many items a list field returns, directly or inside an input object (`filter: { limit: 5 }`). */
const PAGE_SIZE_ARGUMENTS = new Set(["limit", "first", "last"]);

function literalPageSize(value: ValueNode): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      if (PAGE_SIZE_ARGUMENTS.has(field.name.value)) {
        const size = literalPageSize(field.value);
        if (size !== undefined) return size;
      }
    }
  }
  return undefined;
}

/**
 * A list's weight: its literal page-size argument when the document gives one,
 * otherwise the list factor. A page size from a variable is not known while
 * validating and counts as the list factor; the services cap page sizes anyway.
 */
function listWeight(field: FieldNode, listFactor: number): number {
  for (const argument of field.arguments ?? []) {
    const mayHoldPageSize = PAGE_SIZE_ARGUMENTS.has(argument.name.value) || argument.value.kind === Kind.OBJECT;
    const size = mayHoldPageSize ? literalPageSize(argument.value) : undefined;
    if (size !== undefined) return Math.max(1, size);
  }
  return listFactor;
}

/*
 * Types are told apart by their tag, not with graphql's `isObjectType` & co.:
 * those use `instanceof`, and the schema (built by Pothos) and this module may
 * load different copies of graphql (CommonJS and ES module builds).
 */
type TypeTag =
  | "GraphQLObjectType"
  | "GraphQLInterfaceType"
  | "GraphQLUnionType"
  | "GraphQLEnumType"
  | "GraphQLInputObjectType"
  | "GraphQLScalarType"
  | "GraphQLList"
  | "GraphQLNonNull";

function tagOf(type: GraphQLType | GraphQLNamedType | null | undefined): TypeTag | undefined {
  return type ? (Object.prototype.toString.call(type).slice(8, -1) as TypeTag) : undefined;
}

interface FieldsHolder {
  name: string;
  getFields(): Record<string, { type: GraphQLType; args?: readonly unknown[] }>;
}

function withFields(type: GraphQLType | GraphQLNamedType | null | undefined): FieldsHolder | undefined {
  const tag = tagOf(type);
  return tag === "GraphQLObjectType" || tag === "GraphQLInterfaceType" ? (type as unknown as FieldsHolder) : undefined;
}

function isComposite(type: GraphQLType | GraphQLNamedType | null | undefined): type is GraphQLNamedType {
  const tag = tagOf(type);
  return tag === "GraphQLObjectType" || tag === "GraphQLInterfaceType" || tag === "GraphQLUnionType";
}

/** What the walk needs to know about one selected field. */
interface FieldShape {
  /** How many list wrappers the field's type has (`[[T]]` is two). */
  lists: number;
  /** The composite type its selections apply to, if any. */
  selects: GraphQLNamedType | undefined;
  /** Answered from the schema in memory (`__schema`, `__type` and everything below them). */
  introspection: boolean;
}

function fieldShape(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): FieldShape | undefined {
  if (name === "__typename") return { lists: 0, selects: undefined, introspection: false };
  if (parent && parent === schema.getQueryType() && (name === "__schema" || name === "__type")) {
    const selects = schema.getType(name === "__schema" ? "__Schema" : "__Type") ?? undefined;
    return { lists: 0, selects, introspection: true };
  }
  const definition = withFields(parent)?.getFields()[name];
  if (!definition) return undefined;
  let lists = 0;
  let type: GraphQLType = definition.type;
  for (let tag = tagOf(type); tag === "GraphQLList" || tag === "GraphQLNonNull"; tag = tagOf(type)) {
    if (tag === "GraphQLList") lists += 1;
    type = (type as { ofType: GraphQLType }).ofType;
  }
  return { lists, selects: isComposite(type) ? type : undefined, introspection: parent!.name.startsWith("__") };
}

const introspectionListSizes = new WeakMap<GraphQLSchema, Map<string, number>>();

/**
 * The longest each introspection list can be in this schema (`__Schema.types` is
 * every type, `__Type.fields` the widest type's fields, …): introspection is
 * answered from the schema in memory, so its size is known, not guessed.
 */
function introspectionListSize(schema: GraphQLSchema, parent: string, field: string): number | undefined {
  let sizes = introspectionListSizes.get(schema);
  if (!sizes) {
    const types = Object.values(schema.getTypeMap());
    const directives = schema.getDirectives();
    const widest = (counts: number[]) => Math.max(1, ...counts);
    const fieldLists = types.flatMap((type) => {
      const holder = withFields(type);
      return holder ? [Object.values(holder.getFields())] : [];
    });
    const argumentCounts = [...fieldLists.flat().map((definition) => definition.args?.length ?? 0), ...directives.map((directive) => directive.args.length)];
    const count = (tag: TypeTag, size: (type: never) => number) => widest(types.map((type) => (tagOf(type) === tag ? size(type as never) : 0)));
    const possibleTypes = (type: never) => schema.getPossibleTypes(type).length;
    sizes = new Map([
      ["__Schema.types", types.length],
      ["__Schema.directives", directives.length],
      ["__Type.fields", widest(fieldLists.map((fields) => fields.length))],
      ["__Type.inputFields", count("GraphQLInputObjectType", (type: { getFields(): object }) => Object.keys(type.getFields()).length)],
      ["__Type.enumValues", count("GraphQLEnumType", (type: { getValues(): unknown[] }) => type.getValues().length)],
      ["__Type.interfaces", widest(types.map((type) => (withFields(type) ? (type as unknown as { getInterfaces(): unknown[] }).getInterfaces().length : 0)))],
      ["__Type.possibleTypes", Math.max(count("GraphQLUnionType", possibleTypes), count("GraphQLInterfaceType", possibleTypes))],
      ["__Field.args", widest(argumentCounts)],
      ["__Directive.args", widest(argumentCounts)],
      ["__Directive.locations", widest(directives.map((directive) => directive.locations.length))],
    ]);
    introspectionListSizes.set(schema, sizes);
  }
  return sizes.get(`${parent}.${field}`);
}

export interface OperationMeasure {
  /** Application fields: each field 1, list fields' selections once per item. */
  cost: number;
  /** Introspection fields (`__schema`, `__type` and below), weighted by the schema's real list sizes. */
  introspectionCost: number;
  depth: number;
}

const NOTHING: OperationMeasure = { cost: 0, introspectionCost: 0, depth: 0 };

/**
 * Cost and depth of one operation, with every fragment spread counted each time
 * it is spread. A field costs 1, and a list field's selections cost once per
 * item: `{ me { reservations { id } } }` is me 1 + reservations 1 + 10 × id 1 = 12
 * with a list factor of 10. Aliases are fields like any other, so twenty aliases
 * of `me` cost twenty times one. Introspection is counted apart (its lists have
 * the schema's real sizes, and it reads memory rather than the database).
 * Fragments are measured once and their figure reused, so the walk itself stays
 * linear however often (or how nested) they are spread; a fragment that spreads
 * itself (which validation also reports) adds nothing.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined,
  listFactor: number,
): OperationMeasure {
  const fragmentMeasures = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  function measureFragment(name: string): OperationMeasure {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const definition = fragment(name);
    if (!definition || inProgress.has(name)) return NOTHING;
    inProgress.add(name);
    const type = schema.getType(definition.typeCondition.name.value);
    const measure = measureSelections(definition.selectionSet, isComposite(type) ? type : undefined);
    inProgress.delete(name);
    fragmentMeasures.set(name, measure);
    return measure;
  }

  function measureField(selection: FieldNode, parent: GraphQLNamedType | undefined): OperationMeasure {
    const shape = fieldShape(schema, parent, selection.name.value);
    const introspection = shape?.introspection ?? false;
    let multiplier = 1;
    if (shape && shape.lists > 0) {
      const known = introspection && parent ? introspectionListSize(schema, parent.name, selection.name.value) : undefined;
      multiplier = known ?? listWeight(selection, listFactor) ** shape.lists;
    }
    const children = selection.selectionSet ? measureSelections(selection.selectionSet, shape?.selects) : NOTHING;
    return {
      cost: (introspection ? 0 : 1) + multiplier * children.cost,
      introspectionCost: (introspection ? 1 : 0) + multiplier * children.introspectionCost,
      depth: 1 + children.depth,
    };
  }

  function measureSelections(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): OperationMeasure {
    const total = { ...NOTHING };
    for (const selection of selectionSet.selections) {
      let inner: OperationMeasure;
      if (selection.kind === Kind.FIELD) {
        inner = measureField(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const conditionType = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        inner = measureSelections(selection.selectionSet, isComposite(conditionType) ? conditionType : undefined);
      } else {
        inner = measureFragment(selection.name.value);
      }
      total.cost += inner.cost;
      total.introspectionCost += inner.introspectionCost;
      total.depth = Math.max(total.depth, inner.depth);
    }
    return total;
  }

  const root =
    operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  return measureSelections(operation.selectionSet, root ?? undefined);
}

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `operation "${operation.name.value}"` : "the operation";
}

function figure(value: number): string {
  return Number.isFinite(value) ? String(value) : "beyond counting";
}

/** Validation rule: every operation of the document within the cost and depth limits. */
export function costAndDepthRule(limits: Pick<DocumentLimits, "maxCost" | "maxIntrospectionCost" | "maxDepth" | "listFactor">) {
  return function costAndDepth(context: ValidationContext): ASTVisitor {
    return {
      OperationDefinition(operation) {
        const measure = measureOperation(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, limits.listFactor);
        const refuse = (code: LimitCode, message: string, limit: number, actual: number) =>
          context.reportError(limitError(code, message, limit, Number.isFinite(actual) ? actual : null, [operation]));
        if (measure.depth > limits.maxDepth) {
          refuse("QUERY_TOO_DEEP", `Query depth ${measure.depth} exceeds the limit of ${limits.maxDepth}.`, limits.maxDepth, measure.depth);
        }
        if (measure.cost > limits.maxCost) {
          refuse(
            "QUERY_TOO_COSTLY",
            `Query cost ${figure(measure.cost)} exceeds the limit of ${limits.maxCost}: ${operationLabel(operation)} counts every fragment once per spread ` +
              `and a list field's selections once per item (${limits.listFactor} items unless a literal limit argument says otherwise).`,
            limits.maxCost,
            measure.cost,
          );
        }
        if (measure.introspectionCost > limits.maxIntrospectionCost) {
          refuse(
            "QUERY_TOO_COSTLY",
            `Introspection cost ${figure(measure.introspectionCost)} exceeds the limit of ${limits.maxIntrospectionCost}.`,
            limits.maxIntrospectionCost,
            measure.introspectionCost,
          );
        }
        return false;
      },
    };
  };
}

/** graphql-js's own message when `maxTokens` stops the parser ("more that N tokens" in graphql 16). */
const TOKEN_LIMIT_MESSAGE = /Document contains more th\w+ \d+ tokens/;

function assertDocumentSize(source: string, maxDocumentBytes: number): void {
  const bytes = Buffer.byteLength(source, "utf8");
  if (bytes > maxDocumentBytes) {
    throw limitError("DOCUMENT_TOO_LARGE", `Document size ${bytes} bytes exceeds the limit of ${maxDocumentBytes} bytes.`, maxDocumentBytes, bytes);
  }
}

/**
 * Parses with the token limit, after the byte limit. Throws a GraphQLError
 * naming the limit; syntax errors stay graphql-js's own.
 */
export function parseWithinLimits(source: string, limits: Pick<DocumentLimits, "maxTokens" | "maxDocumentBytes">, parseOptions?: Parameters<typeof parse>[1]) {
  assertDocumentSize(source, limits.maxDocumentBytes);
  try {
    return parse(source, { ...parseOptions, maxTokens: limits.maxTokens });
  } catch (error) {
    // By name: the parser's GraphQLError may come from another copy of graphql.
    if (error instanceof Error && error.name === "GraphQLError" && TOKEN_LIMIT_MESSAGE.test(error.message)) {
      throw limitError("TOO_MANY_TOKENS", `Document has more than ${limits.maxTokens} tokens, the limit.`, limits.maxTokens, null);
    }
    throw error;
  }
}

/**
 * The yoga plugin that enforces `DocumentLimits` before anything executes:
 * size and tokens at parse time, cost and depth as a validation rule (so an
 * over-limit document is a validation error and no resolver runs).
 */
export function documentLimitsPlugin(limits: () => DocumentLimits = documentLimits): Plugin {
  return {
    onParse({ params, setParseFn }) {
      const current = limits();
      // Checked here as well as in the parse function: yoga's document cache answers repeated documents without parsing.
      assertDocumentSize(typeof params.source === "string" ? params.source : params.source.body, current.maxDocumentBytes);
      setParseFn((source, options) => parseWithinLimits(typeof source === "string" ? source : source.body, current, options));
    },
    onValidate({ addValidationRule }) {
      addValidationRule(costAndDepthRule(limits()));
    },
  };
}
