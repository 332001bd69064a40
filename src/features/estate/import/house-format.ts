// The manifest text `idac import` writes, in the house format of examples/acme: the schema line
// first, the examples' key order, flow style for lists of scalars and for trust entries and
// conditions, and comments saying where each part came from — so the PR a person opens reads like
// one written by hand, and a reviewer can trace every grant back to the policy it was in.

import { Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { comparePaths } from '../../../access/aws-escalation.js';
import { visible } from '../../../common/escape.js';
import type { NotExpressible, Origin } from '../types.js';
import type { ImportedManifest } from './manifest.js';
import { houseText } from './yaml-style.js';

export const SCHEMA_LINE = '# yaml-language-server: $schema=../../schema/machine-identity.schema.json';
const MASK = '[external id]';

export interface HouseInput {
  manifest: ImportedManifest;
  origins: readonly Origin[];
  notExpressible: readonly NotExpressible[];
  /** Statements that hold a secret (the caller scanned them): named by source and reason only. */
  secretStatements?: ReadonlySet<string>;
}

/** One comment line per text line, each made visible (no control or bidi character reaches the file). */
function commentLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => ` ${visible(l)}`.trimEnd());
}

// Where examples/acme writes a mapping on one line: a trust entry, a condition block, importedFrom.live
// lists; every list of scalars is flow style too.
function styleFlow(node: unknown, path: readonly string[]): void {
  if (isSeq(node)) {
    if (node.items.every(isScalar)) node.flow = true;
    else node.items.forEach((item) => styleFlow(item, path));
    return;
  }
  if (!isMap(node)) return;
  const parent = path[path.length - 1];
  const grand = path[path.length - 2];
  if (grand === 'trust' || parent === 'conditions' || parent === 'jwt' || parent === 'claims') {
    if (node.items.every((p) => isScalar(p.value) || isMap(p.value) || isSeq(p.value))) node.flow = true;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (isSeq(pair.value) && parent === 'trust') {
      // A list of trust entries: one flow mapping per line.
      for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      continue;
    }
    styleFlow(pair.value, [...path, key]);
  }
}

function nodeAt(doc: Document, path: readonly (string | number)[]): { target: Node | null; key: Node | null } {
  const parent = doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isSeq(parent) && typeof last === 'number')
    return { target: (parent.items[last] as Node | undefined) ?? null, key: null };
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
    return { target: null, key: (pair?.key as Node | undefined) ?? null };
  }
  return { target: null, key: null };
}

function externalIds(manifest: ImportedManifest): string[] {
  const trust = manifest.spec.access.aws?.trust?.account;
  const list = trust === undefined ? [] : Array.isArray(trust) ? trust : [trust];
  return list.map((a) => a.externalId).filter((e): e is string => typeof e === 'string' && e.length > 0);
}

/** What a statement may show in a comment: nothing when it holds a secret, never an external id. */
export function shownStatement(
  statement: string,
  secrets: ReadonlySet<string>,
  masked: readonly string[],
): string | null {
  if (secrets.has(statement)) return null;
  return masked.reduce((text, id) => text.split(id).join(MASK), statement);
}

// examples/acme's key order (a key's rank is the same wherever it occurs); keys not listed follow in their own order.
const RANK = [
  ...['auth', 'jwt', 'aws', 'kubernetes', 'vault', 'cert', 'account', 'principal', 'trust', 'permissions'],
  ...['cluster', 'namespace', 'serviceAccount', 'rules', 'paths', 'certificates', 'apiGroups', 'actions', 'path'],
  ...['resources', 'resourceNames', 'verbs', 'capabilities', 'conditions', 'mount', 'commonNames', 'ttl'],
].reduce((m, k, i) => m.set(k, i), new Map<string, number>());

/** `value` with every mapping's keys in the house order. */
export function houseOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(houseOrder);
  if (value === null || typeof value !== 'object') return value;
  const rank = (k: string) => RANK.get(k) ?? RANK.size;
  const keys = Object.keys(value).map((k, i) => ({ k, i }));
  keys.sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  return Object.fromEntries(keys.map(({ k }) => [k, houseOrder((value as Record<string, unknown>)[k])]));
}

export function houseFormat(input: HouseInput): string {
  const manifest = {
    ...input.manifest,
    spec: { ...input.manifest.spec, access: houseOrder(input.manifest.spec.access) },
  };
  const doc = new Document(manifest, { version: '1.2' });
  styleFlow(doc.contents, []);
  const from = manifest.metadata.importedFrom!;
  (doc.contents as Node).commentBefore = [
    ` Imported by idac import on ${from.at ?? ''} from ${visible(from.id)}.`,
    ' Before merging, decide what `idac validate` lists (owner, successor, purpose, review, ...).',
  ].join('\n');

  // Origins: each beside the part it produced; an item with the same origin as the one before it says nothing new.
  const byNode = new Map<Node, string[]>();
  let previous = null as { parent: string; from: string } | null;
  for (const o of [...input.origins].sort((a, b) => comparePaths(a.path, b.path))) {
    const path = ['spec', 'access', ...o.path];
    const { target, key } = nodeAt(doc, path);
    const node = target ?? key;
    if (node === null) continue;
    const parent = JSON.stringify(path.slice(0, -1));
    if (target !== null && previous?.parent === parent && previous.from === o.from) continue;
    previous = { parent, from: o.from };
    byNode.set(node, [...(byNode.get(node) ?? []), ...commentLines(`from ${o.from}`)]);
  }
  for (const [node, lines] of byNode) node.commentBefore = lines.join('\n');

  if (input.notExpressible.length > 0) {
    const masked = externalIds(input.manifest);
    const lines = [
      ' Not imported: a manifest cannot express these (idac import reported each one). Each is recorded',
      ' in metadata.importedFrom.live.notExpressible: settle it (the first apply would drop it), then',
      ' remove its entry (lifecycle/import-unsettled).',
    ];
    for (const n of input.notExpressible) {
      lines.push(...commentLines(`- ${n.source}: ${n.reason}`));
      const shown = shownStatement(n.statement, input.secretStatements ?? new Set(), masked);
      lines.push(
        ...(shown === null
          ? ['   (statement withheld: it holds a secret)']
          : commentLines(shown).map((l) => `   ${l.trimStart()}`)),
      );
    }
    doc.comment = lines.join('\n');
  }
  return `${SCHEMA_LINE}\n${houseText(doc)}`;
}
