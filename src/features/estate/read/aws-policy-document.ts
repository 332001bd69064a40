// An IAM policy document as the estate gives it: the AWS CLI prints documents decoded (a JSON object),
// the raw API and the SDK give them URL-encoded (RFC 3986) strings. Both read the same here, so the
// live path and an export file parse identically.

import { fail, ok, type Result } from '../../../common/result.js';

/** A JSON value of a policy document. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface PolicyDocument {
  Statement: JsonObject[];
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A document, decoded or URL-encoded, → its statements (one object or a list); `where` names it in errors. */
export function policyDocument(value: unknown, where: string): Result<PolicyDocument> {
  let doc: unknown = value;
  if (typeof value === 'string') {
    const text = value.trimStart().startsWith('{') ? value : safeDecode(value);
    if (text === null) return fail(`${where}: the policy document is neither JSON nor URL-encoded JSON`);
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return fail(`${where}: the policy document is not valid JSON (${(e as Error).message})`);
    }
  }
  if (!isObject(doc)) return fail(`${where}: the policy document is not a JSON object`);
  const s = doc.Statement;
  const statements = Array.isArray(s) ? s : s === undefined ? [] : [s];
  if (!statements.every(isObject)) return fail(`${where}: a statement of the policy document is not a JSON object`);
  return ok({ Statement: statements });
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** One value or a list of them, as IAM writes Action, Resource and principals. */
export function listOf(v: Json | undefined): Json[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A list of strings, or null when any member is not a string. */
export function stringsOf(v: Json | undefined): string[] | null {
  const list = listOf(v);
  return list.every((x): x is string => typeof x === 'string') ? list : null;
}
