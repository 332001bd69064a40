// The JSON Schemas in schema/ are the contract; ajv checks data against them and every ajv
// error becomes a finding that points at the exact YAML node, with a fix a person can act on.

import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { formatPath, show, type Path } from '../common/findings.js';
import { codePoint } from './text-checks.js';
import * as generated from './validators.generated.js';
import {
  NAME_PATTERN,
  SCHEMA_ENUM,
  SCHEMA_FORMAT,
  SCHEMA_KEY,
  SCHEMA_LENGTH,
  SCHEMA_RANGE,
  SCHEMA_REQUIRED,
  SCHEMA_SIZE,
  SCHEMA_TYPE,
  SCHEMA_UNKNOWN_KEY,
  SCHEMA_WHITESPACE,
  type LoadProblem,
} from './load-rule-ids.js';

const require = createRequire(import.meta.url);
export const machineIdentitySchema = require('../../schema/machine-identity.schema.json') as Record<string, unknown>;
export const organizationSchema = require('../../schema/organization.schema.json') as Record<string, unknown>;

export interface SchemaIssue extends LoadProblem {
  path: Path;
  at: 'key' | 'value';
  message: string;
}

export type SchemaKind = 'MachineIdentity' | 'Organization';

/** Standalone code generated from schema/ (test/schema keeps it current): no schema compiling at run time. */
const validators = generated as unknown as Record<SchemaKind, ValidateFunction>;

export function checkSchema(kind: SchemaKind, data: unknown): SchemaIssue[] {
  const validate = validators[kind];
  if (validate(data)) return [];
  const schema = kind === 'MachineIdentity' ? machineIdentitySchema : organizationSchema;
  const errors = pruned(validate.errors ?? []);
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const issue = toIssue(error, data, schema);
    if (!issue) continue;
    const key = `${issue.rule} ${formatPath(issue.path)} ${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

// One finding per value: a number where a date belongs is a type problem, not also a pattern, a
// format and a length problem. Lower rank wins at the same path.
const VALUE_RANK: Record<string, number> = {
  type: 0,
  enum: 1,
  const: 1,
  pattern: 2,
  format: 3,
  minLength: 4,
  maxLength: 4,
  minimum: 4,
  maximum: 4,
};
const TOO_MANY = new Set(['maxItems', 'maxProperties']);

function pruned(errors: readonly ErrorObject[]): ErrorObject[] {
  const best = new Map<string, number>();
  const capped: string[] = [];
  for (const e of errors) {
    const rank = VALUE_RANK[e.keyword];
    if (rank !== undefined && e.propertyName === undefined)
      best.set(e.instancePath, Math.min(rank, best.get(e.instancePath) ?? rank));
    if (TOO_MANY.has(e.keyword)) capped.push(`${e.instancePath}/`);
  }
  return errors.filter((e) => {
    // Over the cap, the list's entries are not judged one by one: 10,000 bad actions give one finding.
    if (capped.some((prefix) => e.instancePath.startsWith(prefix))) return false;
    if (e.propertyName !== undefined && capped.includes(`${e.instancePath}/`)) return false;
    const rank = VALUE_RANK[e.keyword];
    return rank === undefined || e.propertyName !== undefined || rank === best.get(e.instancePath);
  });
}

function pointerToPath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(seg));
      node = node[Number(seg)];
    } else {
      path.push(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

/**
 * The schema that applies at a data path, and the definition it came from. Walked by hand: ajv's
 * schemaPath restarts at "#" inside a $ref it did not inline, so it cannot be looked up.
 */
function schemaFor(
  root: Record<string, unknown>,
  path: Path,
): { node: Record<string, unknown> | undefined; ref: string | null } {
  const defs = (root.definitions ?? {}) as Record<string, Record<string, unknown>>;
  let node: Record<string, unknown> | undefined = root;
  let ref: string | null = null;
  const deref = () => {
    for (let hops = 0; node && typeof node.$ref === 'string' && hops < 16; hops++) {
      ref = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1] ?? null;
      node = ref ? defs[ref] : undefined;
    }
  };
  deref();
  for (const seg of path) {
    if (!node) break;
    const props: Record<string, Record<string, unknown>> | undefined = node.properties as
      Record<string, Record<string, unknown>> | undefined;
    const extra: Record<string, unknown> | undefined =
      typeof node.additionalProperties === 'object'
        ? (node.additionalProperties as Record<string, unknown>)
        : undefined;
    node =
      typeof seg === 'number'
        ? (node.items as Record<string, unknown> | undefined)
        : props && Object.hasOwn(props, seg)
          ? props[seg]
          : extra;
    ref = null;
    deref();
  }
  return { node, ref };
}

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const seg of path)
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
}

/** Human names for the schema's definitions, used in "must be …" messages. */
const SHAPES: Record<string, string> = {
  identityName:
    'a name of 3–48 characters: lowercase letters, digits and "-", starting with a letter and not ending with "-"',
  teamName: 'a team name: lowercase letters, digits and "-"',
  email: 'an email address',
  isoDate: 'a calendar date written YYYY-MM-DD (UTC)',
  isoDateTime: 'an ISO-8601 date-time with a zone, e.g. 2026-11-23T08:00:00Z',
  duration: 'a duration: a whole number followed by m, h or d (e.g. 30d, 12h, 45m)',
  clusterName: 'a cluster name: lowercase letters, digits and "-"',
  k8sNamespace: 'a Kubernetes namespace name (RFC 1123 label: lowercase letters, digits and "-", at most 63)',
  k8sName: 'a Kubernetes object name (lowercase letters, digits, "-" and ".")',
  awsAccount: 'an AWS account id: twelve digits in quotes, so YAML keeps leading zeros',
  awsAction: 'an IAM action written service:Action (e.g. s3:GetObject), or "*"',
  awsResource: 'an ARN (arn:partition:service:region:account:resource) or "*"',
  awsConditionValue: 'a condition value: text, a number, true or false, or a non-empty list of them',
  awsConditionScalar: 'a condition value: text, a number, true or false',
  vaultPath: 'a Vault path without a leading "/" (e.g. kv/data/team/app/*)',
  environment: 'an environment name: lowercase letters, digits and "-"',
  awsTrustAccountId: 'an AWS account id: twelve digits in quotes',
  awsTrustServices: 'a mapping, or a list of mappings (one per service principal)',
  awsTrustEksPodIdentities: 'a mapping, or a list of mappings (one per service account)',
  awsTrustAccounts: 'a mapping, or a list of mappings (one per account or role)',
  awsTrustOidcs: 'a mapping, or a list of mappings (one per provider and subject)',
  awsTrustRolesAnywheres: 'a mapping, or a list of mappings (one per trust anchor and subject)',
  vaultMount: 'a Vault mount path (letters, digits, "_" and "-", segments joined by "/")',
  vaultJwtClaimValue: 'a claim value: text, or a non-empty list of texts (any of them)',
};

function shapeOf(schema: Record<string, unknown>, path: Path): string | null {
  const { ref } = schemaFor(schema, path);
  return ref && Object.hasOwn(SHAPES, ref) ? SHAPES[ref]! : null;
}

function toIssue(error: ErrorObject, data: unknown, schema: Record<string, unknown>): SchemaIssue | null {
  const path = pointerToPath(error.instancePath, data);
  const where = path.length ? formatPath(path) : 'the document';
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    // A key that breaks propertyNames (a team, account or label key of the wrong shape).
    const key = error.propertyName;
    const shape = /[0-9]\{12\}/.test(typeof params.pattern === 'string' ? params.pattern : '')
      ? 'twelve digits, quoted'
      : error.keyword === 'maxLength'
        ? `at most ${String(params.limit)} characters`
        : 'lowercase letters, digits and "-"';
    return {
      rule: SCHEMA_KEY,
      messageId: 'keyShape',
      path: [...path, key],
      at: 'key',
      message: `key ${show(key, 40)} in ${where} must be ${shape}`,
    };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((schemaFor(schema, path).node?.properties as object | undefined) ?? {});
      const guess = didYouMean(key, allowed);
      const hint = guess
        ? `did you mean "${guess}"?`
        : allowed.length
          ? `allowed here: ${allowed.join(', ')}`
          : 'remove it';
      return {
        rule: SCHEMA_UNKNOWN_KEY,
        messageId: 'unknownKey',
        path: [...path, key],
        at: 'key',
        message: `unknown key ${show(key, 40)} in ${where}; ${hint}`,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return {
        rule: SCHEMA_REQUIRED,
        messageId: 'missingKey',
        path,
        at: 'key',
        message: `${where} is missing the required key "${key}"`,
      };
    }
    case 'type': {
      const expected = String(params.type);
      const got =
        value === null
          ? 'empty (null)'
          : Array.isArray(value)
            ? 'a list'
            : typeof value === 'object'
              ? 'a mapping'
              : typeof value === 'number' && !Number.isInteger(value)
                ? 'a fraction'
                : typeof value === 'number'
                  ? 'a number'
                  : `a ${typeof value}`;
      // Never the value itself: YAML already changed it (012345678901 lost its leading zero), and
      // showing what it became would spread the wrong value.
      const article =
        shapeOf(schema, path) ??
        (expected === 'object'
          ? 'a mapping'
          : expected === 'array'
            ? 'a list'
            : expected === 'integer'
              ? 'a whole number'
              : `a ${expected}`);
      const hint =
        expected === 'string' && typeof value === 'number'
          ? article.includes('quotes')
            ? ''
            : '; quote it: unquoted digits become a number and lose leading zeros'
          : expected === 'string' && typeof value === 'boolean'
            ? '; quote it: unquoted, true and false become booleans'
            : expected === 'boolean' && typeof value === 'string'
              ? '; write true or false (yes, no, on and off are text in YAML 1.2)'
              : '';
      return {
        rule: SCHEMA_TYPE,
        messageId: 'wrongType',
        path,
        at: 'value',
        message: `${where} must be ${article}, not ${got}${hint}`,
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      const guess = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : null;
      return {
        rule: SCHEMA_ENUM,
        messageId: 'notAllowed',
        path,
        at: 'value',
        message: `${where} must be one of: ${allowed.join(', ')}${guess ? ` — did you mean "${guess}"?` : ''}`,
      };
    }
    case 'pattern':
    case 'format': {
      if (typeof value === 'string' && value !== value.trim()) {
        return {
          rule: SCHEMA_WHITESPACE,
          messageId: 'surroundingWhitespace',
          path,
          at: 'value',
          message: `${where} has leading or trailing whitespace; remove it (it changes what the value means)`,
        };
      }
      if (path.length === 2 && path[0] === 'metadata' && path[1] === 'name') {
        // eslint-disable-next-line @typescript-eslint/no-misused-spread -- by code point
        const odd = typeof value === 'string' ? [...value].find((c) => c > '\x7e') : undefined;
        const lookAlike = odd
          ? ` has the non-ASCII character ${codePoint(odd)}, which can look like a Latin letter; it`
          : '';
        return {
          rule: NAME_PATTERN,
          messageId: 'badName',
          path,
          at: 'value',
          message:
            `metadata.name ${show(value, 60)}${lookAlike} must be ${SHAPES.identityName} (valid for AWS, ` +
            `Kubernetes and Vault)`,
        };
      }
      const shape =
        shapeOf(schema, path) ??
        (error.keyword === 'format' ? `a valid ${String(params.format)}` : 'in the documented form');
      // The pattern passed (it ranks first), so the form is right and the calendar is wrong.
      const calendar =
        error.keyword !== 'format'
          ? ''
          : params.format === 'date'
            ? ' (no such day in the calendar)'
            : params.format === 'date-time'
              ? ' (no such day or time)'
              : '';
      return {
        rule: SCHEMA_FORMAT,
        messageId: 'wrongForm',
        path,
        at: 'value',
        message: `${where} must be ${shape}${calendar}`,
      };
    }
    case 'propertyNames':
      return null; // reported through the nested error on the key itself
    case 'minLength':
    case 'maxLength': {
      const limit = Number(params.limit);
      return error.keyword === 'minLength'
        ? { rule: SCHEMA_LENGTH, messageId: 'empty', path, at: 'value', message: `${where} must not be empty` }
        : {
            rule: SCHEMA_LENGTH,
            messageId: 'tooLong',
            path,
            at: 'value',
            message: `${where} is longer than ${limit} characters; shorten it`,
          };
    }
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(params.limit);
      if (error.keyword === 'minProperties' && path.join('.').endsWith('access')) {
        return {
          rule: SCHEMA_REQUIRED,
          messageId: 'noTarget',
          path,
          at: 'key',
          message: `${where} must declare at least one of aws, kubernetes, vault`,
        };
      }
      const noun = error.keyword.endsWith('Items') ? 'entries' : 'keys';
      const [messageId, msg] = error.keyword.startsWith('min')
        ? limit === 1
          ? ['emptyList', `${where} must not be empty (an empty list never means "no restriction")`]
          : ['tooFew', `${where} needs at least ${limit} ${noun}`]
        : ['tooMany', `${where} has more than ${limit} ${noun}; split the identity or tighten the grant`];
      return { rule: SCHEMA_SIZE, messageId, path, at: 'value', message: msg };
    }
    case 'minimum':
    case 'maximum':
      return {
        rule: SCHEMA_RANGE,
        messageId: error.keyword === 'minimum' ? 'belowMinimum' : 'aboveMaximum',
        path,
        at: 'value',
        message: `${where} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`,
      };
    default:
      return {
        rule: SCHEMA_FORMAT,
        messageId: 'schemaMismatch',
        path,
        at: 'value',
        message: `${where}: ${error.message ?? 'does not match the schema'}`,
      };
  }
}

export function didYouMean(input: string, candidates: readonly string[]): string | null {
  const lower = input.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = levenshtein(lower, c.toLowerCase());
    // Short words get one edit: two edits turn "service" into "device", a guess that misleads.
    const limit = c.length <= 6 ? 1 : Math.floor(c.length / 3);
    if (d <= limit && d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

/** Edit distance counting a swap of two neighbours as one edit (`tpye` → `type`, `owenr` → `owner`). */
export function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
