// What the AWS readers share about one policy statement: its conditions as a flat list each reader
// consumes, and its text for a report (compact JSON, with any external id masked: the id belongs in
// the manifest's trust.account.externalId and nowhere else).

import type { NotExpressible } from '../types.js';
import { isObject, listOf, type Json, type JsonObject } from './aws-policy-document.js';

/** One operator/key pair of a Condition block, with its values as a list. */
export interface ConditionTerm {
  op: string;
  key: string;
  values: Json[];
}

/** The Condition block flattened; null when it is not IAM's operator → key → value shape. */
export function conditionTerms(condition: Json | undefined): ConditionTerm[] | null {
  if (condition === undefined) return [];
  if (!isObject(condition)) return null;
  const out: ConditionTerm[] = [];
  for (const [op, block] of Object.entries(condition)) {
    if (!isObject(block)) return null;
    for (const [key, value] of Object.entries(block)) out.push({ op, key, values: listOf(value) });
  }
  return out;
}

/** The statement as compact JSON with every sts:ExternalId value replaced by "[external id]". */
export function statementText(statement: Json): string {
  return JSON.stringify(maskExternalIds(statement));
}

function maskExternalIds(v: Json): Json {
  if (Array.isArray(v)) return v.map(maskExternalIds);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v))
    out[k] =
      k.toLowerCase() === 'sts:externalid'
        ? Array.isArray(x)
          ? x.map(() => '[external id]')
          : '[external id]'
        : maskExternalIds(x);
  return out;
}

export function notExpressible(source: string, statement: Json, reason: string): NotExpressible {
  return { source, statement: statementText(statement), reason };
}

/** Sorted by source, then statement, then reason: the order every report prints. */
export function sortNotExpressible(list: NotExpressible[]): NotExpressible[] {
  const key = (n: NotExpressible): string => `${n.source}\u0000${n.statement}\u0000${n.reason}`;
  return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
