// A short, stable name for one statement the manifest cannot express: import records it in
// metadata.importedFrom.live.notExpressible, so drift knows the statements a person was already told
// about (drift right after an import is empty) and still reports any other — a Deny added in a
// console later is drift. The source is part of it: the same statement moved to another policy is
// a change too.

import { createHash } from 'node:crypto';
import type { NotExpressible } from './types.js';

export function statementFingerprint(n: Pick<NotExpressible, 'source' | 'statement'>): string {
  return `sha256:${createHash('sha256').update(`${n.source}\n${n.statement}`, 'utf8').digest('hex').slice(0, 16)}`;
}
