import type { ErrorObject } from 'ajv';

/** One schema violation in plain words: where it is (a JSON pointer into the file) and what is wrong. */
export interface DescribedSchemaError {
  pointer: string;
  message: string;
}

type SchemaNode = Record<string, unknown>;

/** Enumerations longer than this are summarised instead of listed in full. */
const MAX_LISTED_VALUES = 10;
const MAX_SHOWN_STRING = 60;

/**
 * Turns ajv errors into one plain message per problem. The errors must come from a validator
 * compiled with `allErrors` and `verbose`, because the messages quote the offending value and
 * the schema's constraints. `if` errors are dropped because the error from the failing `then`
 * branch reports the same problem more precisely. Of several type errors at one pointer only the
 * first is kept.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): DescribedSchemaError[] {
  const described: DescribedSchemaError[] = [];
  const seen = new Set<string>();
  const typeErrorPointers = new Set<string>();

  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    if (error.keyword === 'type' && typeErrorPointers.has(error.instancePath)) continue;
    if (error.keyword === 'type') typeErrorPointers.add(error.instancePath);

    const problem = describeSchemaError(error);
    const key = `${problem.pointer}\n${problem.message}`;
    if (seen.has(key)) continue;

    seen.add(key);
    described.push(problem);
  }

  return described;
}

function describeSchemaError(error: ErrorObject): DescribedSchemaError {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const params = error.params as Record<string, unknown>;
  const pointer = error.instancePath;

  if (error.propertyName !== undefined) {
    return { pointer: childPointer(pointer, error.propertyName), message: `property name ${expectation(parent)}, got ${show(error.propertyName)}` };
  }

  switch (error.keyword) {
    case 'required':
      return { pointer, message: `missing required property "${String(params.missingProperty)}"` };
    case 'additionalProperties':
      return describeUnknownProperty(pointer, String(params.additionalProperty), parent);
    case 'minProperties':
    case 'maxProperties':
      return { pointer, message: describePropertyCount(parent, error.data) };
    case 'minItems':
      return { pointer, message: `must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'uniqueItems':
      return { pointer, message: `must not repeat items: items ${String(params.j)} and ${String(params.i)} are both ${show(itemAt(error.data, params.i))}` };
    case 'false schema':
      return { pointer, message: 'is not allowed here' };
    case 'minLength':
      return { pointer, message: params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long, got ${show(error.data)}` };
    case 'maxLength':
      return { pointer, message: `must be at most ${String(params.limit)} characters long, got ${show(error.data)}` };
    case 'type':
    case 'enum':
    case 'const':
    case 'pattern':
    case 'minimum':
    case 'maximum':
      return { pointer, message: `${expectation(parent)}, got ${show(error.data)}` };
    default:
      return { pointer, message: error.message ?? `fails the "${error.keyword}" check` };
  }
}

function describeUnknownProperty(pointer: string, property: string, parent: SchemaNode): DescribedSchemaError {
  const allowed = Object.keys((parent.properties ?? {}) as SchemaNode);

  return {
    pointer: childPointer(pointer, property),
    message: `unknown property "${property}" (allowed: ${allowed.join(', ')})`,
  };
}

function describePropertyCount(parent: SchemaNode, data: unknown): string {
  const present = isObject(data) ? Object.keys(data) : [];
  if (parent.minProperties === 1 && parent.maxProperties === 1) {
    const allowed = Object.keys((parent.properties ?? {}) as SchemaNode);
    const found = present.length === 0 ? 'none' : present.join(', ');

    return `must have exactly one of ${allowed.join(', ')}, got ${found}`;
  }

  return `must have at least ${String(parent.minProperties)} entr${parent.minProperties === 1 ? 'y' : 'ies'}`;
}

/** Phrases the type, bounds, pattern or allowed values of one schema node, e.g. `must be integer ≥ 1`. */
function expectation(schema: SchemaNode): string {
  if (schema.const !== undefined) return `must be ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum)) return describeEnum(schema.enum);

  const parts = [`must be ${describeType(schema.type)}`];
  if (typeof schema.minimum === 'number') parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number') parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.pattern === 'string') parts.push(`matching ${schema.pattern}`);

  return parts.join(' ');
}

function describeType(type: unknown): string {
  if (Array.isArray(type)) return type.join(' or ');

  return typeof type === 'string' ? type : 'a valid value';
}

function describeEnum(values: unknown[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  if (quoted.length <= MAX_LISTED_VALUES) return `must be one of ${quoted.join(', ')}`;

  return `must be one of the ${quoted.length} values listed in the schema (${quoted.slice(0, 3).join(', ')}, …)`;
}

/** Shows a value the way it appears in the file. Long strings are cut, and arrays and objects are named, not printed. */
function show(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return 'an object';
  if (typeof value === 'string' && value.length > MAX_SHOWN_STRING) return `${JSON.stringify(value.slice(0, MAX_SHOWN_STRING))}…`;

  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function itemAt(data: unknown, index: unknown): unknown {
  return Array.isArray(data) && typeof index === 'number' ? data[index] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Appends one reference token to a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
function childPointer(pointer: string, token: string): string {
  return `${pointer}/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
