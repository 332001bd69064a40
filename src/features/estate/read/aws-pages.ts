// `aws iam get-account-authorization-details` output → one merged set of details. The CLI prints one
// JSON object per call; a paged read (--max-items, or a script looping on the marker) leaves several
// objects one after another, and some tools save them as a JSON array. All three are accepted; a page
// that does not parse is named (page N, and where in it), never a stack trace.

import { fail, ok, type Result } from '../../../common/result.js';
import { isObject } from './aws-policy-document.js';

export interface RawPolicyRef {
  PolicyName: string;
  PolicyArn: string;
}
export interface RawInlinePolicy {
  PolicyName: string;
  PolicyDocument: unknown;
}
export interface RawTag {
  Key: string;
  Value: string;
}
interface RawPrincipal {
  Path: string;
  Arn: string;
  CreateDate?: string;
  Tags?: RawTag[];
  AttachedManagedPolicies?: RawPolicyRef[];
  PermissionsBoundary?: { PermissionsBoundaryType?: string; PermissionsBoundaryArn: string };
}
export interface RawRole extends RawPrincipal {
  RoleName: string;
  AssumeRolePolicyDocument?: unknown;
  RolePolicyList?: RawInlinePolicy[];
  /** Not in the export (GetRole has it): the live read adds it when it knows it. */
  MaxSessionDuration?: number;
}
export interface RawUser extends RawPrincipal {
  UserName: string;
  UserPolicyList?: RawInlinePolicy[];
  GroupList?: string[];
}
export interface RawGroup extends RawPrincipal {
  GroupName: string;
  GroupPolicyList?: RawInlinePolicy[];
}
export interface RawPolicyVersion {
  VersionId: string;
  IsDefaultVersion: boolean;
  Document?: unknown;
}
export interface RawManagedPolicy {
  PolicyName: string;
  Arn: string;
  DefaultVersionId?: string;
  PolicyVersionList?: RawPolicyVersion[];
}

/** Every page's lists, concatenated in page order. */
export interface AuthorizationDetails {
  UserDetailList: RawUser[];
  GroupDetailList: RawGroup[];
  RoleDetailList: RawRole[];
  Policies: RawManagedPolicy[];
}

const LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;
const NAMES = { UserDetailList: 'UserName', GroupDetailList: 'GroupName', RoleDetailList: 'RoleName', Policies: 'Arn' };

/** The pages of an export file: one object, objects one after another, or an array of them. */
export function splitPages(text: string): Result<unknown[]> {
  const body = text.trim();
  if (body === '')
    return fail('the AWS export is empty: expected the JSON aws iam get-account-authorization-details prints');
  if (body.startsWith('[')) {
    try {
      const pages: unknown = JSON.parse(body);
      return ok(pages as unknown[]);
    } catch (e) {
      return fail(`the AWS export is not valid JSON: ${(e as Error).message}`);
    }
  }
  const pages: unknown[] = [];
  for (const [n, slice] of topLevelObjects(body).entries()) {
    if (!slice.text.startsWith('{'))
      return fail(`page ${n + 1} of the AWS export (at line ${lineAt(body, slice.at)}) is not a JSON object`);
    try {
      pages.push(JSON.parse(slice.text));
    } catch (e) {
      return fail(
        `page ${n + 1} of the AWS export (from line ${lineAt(body, slice.at)}) ` +
          `is not valid JSON: ${(e as Error).message}`,
      );
    }
  }
  return ok(pages);
}

/**
 * Top-level JSON values one after another: each runs from an opening brace to its balanced close,
 * strings skipped. Anything else between them (a stray token) becomes a value of its own, which the
 * caller then names as not a JSON object.
 */
function topLevelObjects(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const at = i;
    if (text[i] !== '{') {
      while (i < text.length && !/[\s{]/.test(text[i]!)) i++;
      out.push({ text: text.slice(at, i), at });
      continue;
    }
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) {
        i++;
        break;
      }
    }
    out.push({ text: text.slice(at, i), at });
  }
  return out;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The pages' lists merged; a page or entry of the wrong shape is named. */
export function mergePages(pages: readonly unknown[]): Result<AuthorizationDetails> {
  const merged: AuthorizationDetails = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  if (pages.length === 0) return fail('the AWS export holds no page');
  for (const [n, page] of pages.entries()) {
    const where = pages.length > 1 ? `page ${n + 1} of the AWS export` : 'the AWS export';
    if (!isObject(page)) return fail(`${where} is not a JSON object`);
    if (!LISTS.some((k) => k in page))
      return fail(
        `${where} has none of ${LISTS.join(', ')}: is it the output of aws iam get-account-authorization-details?`,
      );
    for (const list of LISTS) {
      const items = page[list];
      if (items === undefined) continue;
      if (!Array.isArray(items)) return fail(`${where}: ${list} is not a list`);
      for (const [i, item] of items.entries()) {
        const name = NAMES[list];
        if (!isObject(item) || typeof item[name] !== 'string' || (list !== 'Policies' && typeof item.Arn !== 'string'))
          return fail(`${where}: ${list}[${i}] has no ${name}${list !== 'Policies' ? ' or Arn' : ''}`);
        const problem = shapeProblem(list, item);
        if (problem !== null) return fail(`${where}: ${list}[${i}] (${item[name]}) ${problem}`);
        (merged[list] as unknown[]).push(item);
      }
    }
  }
  return ok(merged);
}

/** Fields the reader walks, by list: each a list of objects with these string (or boolean) fields. */
const NESTED: Record<(typeof LISTS)[number], Record<string, Record<string, 'string' | 'boolean'>>> = {
  RoleDetailList: {
    RolePolicyList: { PolicyName: 'string' },
    AttachedManagedPolicies: { PolicyArn: 'string' },
    Tags: { Key: 'string', Value: 'string' },
  },
  UserDetailList: {
    UserPolicyList: { PolicyName: 'string' },
    AttachedManagedPolicies: { PolicyArn: 'string' },
    Tags: { Key: 'string', Value: 'string' },
  },
  GroupDetailList: { GroupPolicyList: { PolicyName: 'string' }, AttachedManagedPolicies: { PolicyArn: 'string' } },
  Policies: { PolicyVersionList: { VersionId: 'string' } },
};

/** What is wrong with an entry's shape where the reader relies on it, or null. */
function shapeProblem(list: (typeof LISTS)[number], item: Record<string, unknown>): string | null {
  if (list !== 'Policies' && typeof item.Path !== 'string') return 'has no Path';
  if (list === 'UserDetailList' && item.GroupList !== undefined) {
    const groups = item.GroupList;
    if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string'))
      return 'has a GroupList that is not names';
  }
  for (const [field, keys] of Object.entries(NESTED[list])) {
    const v = item[field];
    if (v === undefined) continue;
    if (!Array.isArray(v)) return `has a ${field} that is not a list`;
    for (const entry of v)
      if (!isObject(entry) || Object.entries(keys).some(([k, t]) => typeof entry[k] !== t))
        return `has a ${field} entry without ${Object.keys(keys).join(' and ')}`;
  }
  return null;
}
