// Amazon Resource Names as a manifest writes them (`arn:aws:s3:::bank-drop/settlements/*`) and as
// AWS's IAM reference describes them (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
// A declared ARN may hold IAM wildcards (`*` any run, `?` one character); a template variable stands
// for one or more characters. The question "can this ARN name a resource of that type?" is whether
// the two patterns share at least one concrete string, field by field.

import type { IamAction, IamCatalog } from './iam-catalog.js';
import { fail, type Failure } from '../common/result.js';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon (`table/orders`, `bucket/key:with:colons`). */
  resource: string;
}

// The partitions AWS runs today: commercial, China, GovCloud, the isolated regions and the
// European Sovereign Cloud.
const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** Splits at the first five colons; null when there are fewer or the prefix is not `arn`. */
export function splitArn(text: string): Arn | null {
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < 5; i++) {
    const c = rest.indexOf(':');
    if (c < 0) return null;
    parts.push(rest.slice(0, c));
    rest = rest.slice(c + 1);
  }
  if (parts[0] !== 'arn') return null;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: rest };
}

export type ArnProblem = { ok: true; arn: Arn } | Failure;

/**
 * Syntax only: `arn:<partition>:<service>:<region>:<account>:<resource>`, wildcards allowed inside
 * fields. The account is 12 digits, empty (S3 buckets, global resources), `aws` (AWS-managed
 * resources such as `arn:aws:iam::aws:policy/ReadOnlyAccess`) or a wildcard pattern of digits.
 */
export function parseArn(text: string): ArnProblem {
  const arn = splitArn(text);
  if (!arn)
    return fail('it does not have the six colon-separated fields arn:partition:service:region:account:resource');
  if (!PARTITIONS.some((p) => globIntersects(tokens(arn.partition, 'declared'), tokens(p, 'literal')))) {
    return fail(`the partition must be one of ${PARTITIONS.slice(0, 3).join(', ')} (or another AWS partition)`);
  }
  if (!/^[a-z0-9*?-]+$/.test(arn.service))
    return fail('the service must be a lower-case service namespace such as s3 or iam');
  if (!/^[a-z0-9*?-]*$/.test(arn.region)) return fail('the region must be empty or a region code such as eu-west-1');
  if (!/^(\d{12}|aws|[\d*?]*)$/.test(arn.account) || (/^\d+$/.test(arn.account) && arn.account.length !== 12)) {
    return fail('the account must be 12 digits, empty or aws');
  }
  if (arn.resource === '') return fail('the resource part after the account is empty');
  return { ok: true, arn };
}

/** True when the field holds `*` or `?`. */
export function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}

// A pattern is a list of tokens: a literal character, ANY (exactly one character) or STAR (any run,
// possibly empty). Template `${Var}` is ANY STAR: one or more characters. A template field that is
// one variable and nothing else (`${BucketName}`, `${QueueName}`, `${Region}`) names one thing and
// holds no `/` or `:`, so an object ARN is not mistaken for a bucket: the rule AWS's own tooling
// applies (@cloud-copilot/iam-utils resourceStringMatchesResourceTypePattern; Parliament makes the
// same special case for buckets, duo-labs/parliament is_arn_match). A variable among literals
// (`${BucketName}/${ObjectName}`, `role/${RoleNameWithPath}`) spans separators.
const ANY = -1;
const STAR = -2;
const ANY_SEGMENT = -3;
const STAR_SEGMENT = -4;
const SEPARATORS = new Set(['/'.charCodeAt(0), ':'.charCodeAt(0)]);
type Tokens = readonly number[];

const templateCache = new Map<string, Tokens>();
// Declared ARNs and templates repeat across a fleet; the answers are kept (bounded) per process.
const matchCache = new Map<string, boolean>();
const splitTemplates = new Map<string, Arn | null>();

function tokens(text: string, kind: 'declared' | 'template' | 'literal'): Tokens {
  if (kind === 'template') {
    const hit = templateCache.get(text);
    if (hit) return hit;
  }
  const whole = kind === 'template' && /^\$\{[^}]+\}$/.test(text);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (kind !== 'literal' && ch === '*') out.push(STAR);
    else if (kind === 'declared' && ch === '?') out.push(ANY);
    else if (kind === 'template' && ch === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i);
      if (end < 0) out.push(ch.charCodeAt(0));
      else {
        if (whole) out.push(ANY_SEGMENT, STAR_SEGMENT);
        else out.push(ANY, STAR);
        i = end;
      }
    } else out.push(ch.charCodeAt(0));
  }
  if (kind === 'template') templateCache.set(text, out);
  return out;
}

/** Do two token patterns share at least one concrete string? A walk over the product automaton. */
function globIntersects(a: Tokens, b: Tokens): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number): void => {
    const k = i * width + j;
    if (seen[k]) return;
    seen[k] = 1;
    stack.push(k);
  };
  while (stack.length > 0) {
    const k = stack.pop()!;
    const i = Math.floor(k / width);
    const j = k % width;
    if (i === a.length && j === b.length) return true;
    const x = a[i];
    const y = b[j];
    if (x === STAR || x === STAR_SEGMENT) push(i + 1, j);
    if (y === STAR || y === STAR_SEGMENT) push(i, j + 1);
    if (x === undefined || y === undefined) continue;
    // Both sides read one character: literals must agree, ANY and STAR take anything, the
    // segment kinds anything but a separator.
    if (x >= 0 && y >= 0 && x !== y) continue;
    if (
      (SEPARATORS.has(x) && (y === ANY_SEGMENT || y === STAR_SEGMENT)) ||
      (SEPARATORS.has(y) && (x === ANY_SEGMENT || x === STAR_SEGMENT))
    )
      continue;
    push(x === STAR || x === STAR_SEGMENT ? i : i + 1, y === STAR || y === STAR_SEGMENT ? j : j + 1);
  }
  return false;
}

/** Does a declared ARN (syntactically valid) name something of the type the template describes? */
export function arnMatchesTemplate(arn: Arn, template: string): boolean {
  let t = splitTemplates.get(template);
  if (t === undefined) {
    t = splitArn(template);
    splitTemplates.set(template, t);
  }
  if (!t) return false;
  const field = (declared: string, tmpl: string): boolean =>
    globIntersects(tokens(declared, 'declared'), tokens(tmpl, 'template'));
  return (
    field(arn.service, t.service) &&
    field(arn.region, t.region) &&
    field(arn.account, t.account) &&
    field(arn.resource, t.resource)
  );
}

/**
 * Can the declared Resource (`*`, an ARN pattern) name a resource of the type the template
 * describes? A short ARN whose last field ends in `*` (`arn:aws:s3:*`) is read as IAM reads it: that
 * `*` swallows the fields left out. Anything else that is not an ARN names nothing.
 */
export function resourceCanName(resource: string, template: string): boolean {
  if (resource === '*') return true;
  const key = `${resource}\n${template}`;
  let hit = matchCache.get(key);
  if (hit === undefined) {
    if (matchCache.size >= 50_000) matchCache.clear(); // bounded: ARNs are mostly unique per identity
    matchCache.set(key, (hit = canName(resource, template)));
  }
  return hit;
}

function canName(resource: string, template: string): boolean {
  const parsed = parseArn(resource);
  if (parsed.ok) return arnMatchesTemplate(parsed.arn, template);
  const p = resource.split(':');
  const t = template.split(':');
  const last = p.length - 1;
  if (p[0] !== 'arn' || p.length < 2 || p.length >= 6 || !p[last]!.endsWith('*') || t.length < 6) return false;
  const field = (declared: string, tmpl: Tokens): boolean => globIntersects(tokens(declared, 'declared'), tmpl);
  for (let i = 1; i < last; i++) if (!field(p[i]!, tokens(t[i]!, 'template'))) return false;
  const rest: number[] = [];
  t.slice(last).forEach((f, i) => rest.push(...(i === 0 ? [] : [':'.charCodeAt(0)]), ...tokens(f, 'template')));
  return field(p[last]!, rest);
}

/**
 * Is the declared Resource read as something (`*`, an ARN, a short ARN ending in `*`), not text IAM matches against
 * nothing?
 */
export function isResourcePattern(resource: string): boolean {
  if (resource === '*' || parseArn(resource).ok) return true;
  const p = resource.split(':');
  return p[0] === 'arn' && p.length >= 2 && p.length < 6 && p[p.length - 1]!.endsWith('*');
}

/**
 * Does an Allow of the action on the declared Resource grant anything? Only when the resource can
 * name one of the resource types AWS's reference lists for the action; an action without resource
 * types applies only to `*` (see AWS's Service Authorization Reference, "Actions, resources, and
 * condition keys": https://docs.aws.amazon.com/service-authorization/latest/reference/
 * reference_policies_actions-resources-contextkeys.html).
 */
export function actionAppliesTo(action: IamAction, resource: string, catalog: IamCatalog): boolean {
  if (resource === '*') return true;
  const named = namedTypes(action.service, resource, catalog);
  return action.resourceTypes.some((rt) => named.has(rt));
}

const namedCache = new WeakMap<IamCatalog, Map<string, ReadonlySet<string>>>();

/**
 * The resource types of a service the declared resource can name. Once per (service, resource):
 * `s3:*` expands to 180 actions over about ten ARN formats, and a fleet repeats its ARNs.
 */
export function namedTypes(service: string, resource: string, catalog: IamCatalog): ReadonlySet<string> {
  let byKey = namedCache.get(catalog);
  if (byKey === undefined) namedCache.set(catalog, (byKey = new Map<string, ReadonlySet<string>>()));
  const key = `${service.toLowerCase()}\n${resource}`;
  let hit = byKey.get(key);
  if (hit === undefined) {
    if (byKey.size >= 50_000) byKey.clear(); // bounded, as matchCache
    const out = new Set<string>();
    for (const [rt, template] of catalog.service(service)?.arns ?? [])
      if (resourceCanName(resource, template)) out.add(rt);
    byKey.set(key, (hit = out));
  }
  return hit;
}

/**
 * Does the declared pattern cover the concrete text? (`*` any run, `?` one character, case-sensitive like IAM resource
 * matching.)
 */
export function globCovers(pattern: string, text: string): boolean {
  return globIntersects(tokens(pattern, 'declared'), tokens(text, 'literal'));
}

/** Does a declared resource (`*`, `arn:aws:iam::123456789012:role/*`) cover every IAM role it could name? */
export function coversEveryRole(resource: string): boolean {
  if (resource === '*') return true;
  const arn = splitArn(resource);
  // Probes no real allowlist names: a pattern covering both covers any role name and path.
  return (
    arn !== null &&
    globCovers(arn.service, 'iam') &&
    globCovers(arn.resource, 'role/zq-probe') &&
    globCovers(arn.resource, 'role/zq/path/zq-probe')
  );
}
