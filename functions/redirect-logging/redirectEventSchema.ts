import Ajv from 'ajv';
import type { ErrorObject, SchemaObject } from 'ajv';
import { US_STATES } from '../shared/usStates';
import { InvalidRedirectEventError } from './errors';
import { REDIRECT_OUTCOMES } from './redirectEvent';
import type { RedirectEvent } from './redirectEvent';

/** ISO 8601 date and time with seconds and an explicit offset, the form `Date#toISOString` writes. */
const ISO_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

/** Id pattern shared by products, forms and rules in the rule-set schemas. */
const ID = '^[a-z][a-z0-9-]{1,62}$';

const nullableString = (pattern: string, maxLength = 64) => ({ type: 'string', pattern, maxLength, nullable: true });

/**
 * JSON Schema of a redirect event. Every field is required and no other field is accepted, so a
 * message from another producer, or from an older event shape, fails instead of being stored half.
 */
export const REDIRECT_EVENT_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: [
    'eventId', 'time', 'endpoint', 'brand', 'product', 'language', 'zip', 'state', 'stateInferred',
    'outcome', 'errorCode', 'form', 'ruleId', 'rulesetVersion', 'url', 'latencyMs',
  ],
  properties: {
    eventId: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
    time: { type: 'string', pattern: ISO_DATE_TIME },
    endpoint: { type: 'string', enum: ['redirect', 'resolve'] },
    // `_unknown` is the brand the HTTP layer records for a request that names no known brand.
    brand: { type: 'string', pattern: '^([a-z][a-z0-9-]{1,30}|_unknown)$' },
    product: nullableString('^[a-z][a-z0-9-]{1,30}$'),
    language: nullableString('^[a-z]{2,3}$'),
    zip: nullableString('^[0-9]{5}$'),
    state: { type: 'string', enum: [...US_STATES, null], nullable: true },
    stateInferred: { type: 'boolean' },
    outcome: { type: 'string', enum: [...REDIRECT_OUTCOMES] },
    errorCode: nullableString('^[a-z][a-z0-9_]{0,63}$'),
    form: nullableString(ID),
    ruleId: nullableString(ID),
    rulesetVersion: { type: 'integer', minimum: 1, nullable: true },
    url: nullableString('^https://\\S+$', 8192),
    latencyMs: { type: 'number', minimum: 0 },
  },
};

const validate = new Ajv({ allErrors: true, strict: true, verbose: true }).compile<RedirectEvent>(REDIRECT_EVENT_SCHEMA);

/**
 * Checks that `value` is a complete redirect event and returns it typed.
 *
 * @throws InvalidRedirectEventError listing every field that is missing, unknown or out of range,
 *   or naming a `time` that matches the pattern but is no real date (`2026-02-30T...`).
 */
export function parseRedirectEvent(value: unknown): RedirectEvent {
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map(describeProblem);
    throw new InvalidRedirectEventError(`Invalid redirect event: ${problems.join('; ')}`, problems);
  }

  if (!isRealDate(value.time)) {
    const problem = `/time "${value.time}" is not a real date and time`;
    throw new InvalidRedirectEventError(`Invalid redirect event: ${problem}`, [problem]);
  }
  return value;
}

/**
 * Parses a queue message body or a log field as JSON and checks it with `parseRedirectEvent`.
 *
 * @throws InvalidRedirectEventError when the text is not JSON or not a valid redirect event.
 */
export function parseRedirectEventJson(text: string): RedirectEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = `body is not JSON (${(error as Error).message}): ${preview(text)}`;
    throw new InvalidRedirectEventError(`Invalid redirect event: ${problem}`, [problem]);
  }

  return parseRedirectEvent(value);
}

function describeProblem(error: ErrorObject): string {
  const path = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    return `${path} has unknown field "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'required') {
    return `${path} is missing field "${String(error.params.missingProperty)}"`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value));
    return `${path} ${previewValue(error.data)} must be one of ${allowed.join(', ')}`;
  }
  return `${path} ${previewValue(error.data)} ${error.message ?? 'is invalid'}`;
}

/** Renders a field value for an error message, cut so that one oversized field cannot flood the log. */
function previewValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 80)}... (${text.length} characters)` : text;
}

const TIME_FIELDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/;

/** Checks that a time that matches the pattern names a real day, hour and offset (`2026-02-30`, `24:00` and `+99:00` do not). */
function isRealDate(time: string): boolean {
  const fields = TIME_FIELDS.exec(time)?.slice(1).map(Number);
  if (!fields || Number.isNaN(Date.parse(time))) {
    return false;
  }

  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

function preview(text: string): string {
  return text.length > 80 ? `${JSON.stringify(text.slice(0, 80))}...` : JSON.stringify(text);
}
