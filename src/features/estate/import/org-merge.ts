// org.yaml after an import: the teams the new manifests name and the targets and trust
// declarations their access needs, added to the file as it is — comments, order and formatting
// kept, nothing that exists changed. A value the estate sees differently (an OIDC provider name
// already bound to another host) is left alone and reported.

import { isMap, isSeq, parse, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { Organization } from '../../../manifest/organization.generated.js';
import type { Estate, OrgAdditions } from '../types.js';
import { houseText } from './yaml-style.js';

export const ORG_SCHEMA_LINE = '# yaml-language-server: $schema=../schema/organization.schema.json';
// IAM is global: the region only says where apply's AWS provider points, so a new account gets IAM's home region.
const DEFAULT_REGION = 'us-east-1';

export interface OrgMerge {
  /** The new org.yaml text; equal to the input when nothing was added. */
  text: string;
  /** What was added, as `spec.…` paths, sorted. */
  added: string[];
  /** Declarations the estate needs that org.yaml already binds to something else: not changed. */
  conflicts: string[];
}

export interface OrgNeeds {
  /** Team → the owners found for its imported identities (the members of a team that is new). */
  teams: ReadonlyMap<string, ReadonlySet<string>>;
  estate: Pick<Estate, 'target' | 'scope' | 'org'>;
}

const MINIMAL = `${ORG_SCHEMA_LINE}\napiVersion: idac/v1\nkind: Organization\nspec:\n  teams: {}\n`;

function mapAt(doc: Document, path: readonly string[]): YAMLMap {
  let node = doc.getIn(path, true);
  if (!isMap(node)) {
    doc.setIn(path, doc.createNode({}));
    node = doc.getIn(path, true);
  }
  const map = node as YAMLMap;
  // An empty `{}` written by hand (or MINIMAL) is flow: block style once it holds entries.
  if (map.items.length === 0) map.flow = false;
  return map;
}

/** A new account's region: from a trust anchor ARN or an EKS OIDC host the estate names, else IAM's home. */
function regionOf(extra: NonNullable<OrgAdditions['aws']>[string] | undefined): string {
  for (const arn of Object.values(extra?.trustAnchors ?? {})) {
    const m = /^arn:aws[a-z-]*:rolesanywhere:([a-z0-9-]+):/.exec(arn);
    if (m) return m[1]!;
  }
  for (const host of Object.values(extra?.oidcProviders ?? {})) {
    const m = /^oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com\//.exec(host);
    if (m) return m[1]!;
  }
  return DEFAULT_REGION;
}

/**
 * org.yaml as data when it does not pass the schema but is an Organization mapping: a first import leaves a
 * new team with `members: []` until a person lists them, and a second import must still merge into it. The
 * data is only read for names and limits; null when the text is not an Organization at all.
 */
export function lenientOrg(text: string): Organization | null {
  let data: unknown;
  try {
    data = parse(text, { version: '1.2', schema: 'core', maxAliasCount: 0 });
  } catch {
    return null;
  }
  const org = data as { kind?: unknown; spec?: { teams?: unknown } } | null;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(org) && org!.kind === 'Organization' && isObject(org!.spec) && isObject(org!.spec!.teams)
    ? (org as Organization)
    : null;
}

export function mergeOrg(orgText: string | null, needs: OrgNeeds): OrgMerge {
  const doc = parseDocument(orgText ?? MINIMAL, { version: '1.2', keepSourceTokens: false });
  const added: string[] = [];
  const conflicts: string[] = [];
  const addEntry = (path: readonly string[], key: string, value: unknown, comment?: string, flow = true): boolean => {
    const map = mapAt(doc, path);
    if (map.has(key)) return false;
    const node = doc.createNode(value, { flow }) as Node;
    const keyNode = doc.createNode(key) as Node;
    if (comment !== undefined) keyNode.commentBefore = comment;
    map.add(doc.createPair(keyNode, node));
    added.push([...path, key].join('.'));
    return true;
  };
  const addAll = (path: readonly string[], entries: Readonly<Record<string, string>> | undefined, what: string) => {
    for (const [key, value] of Object.entries(entries ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const existing = doc.getIn([...path, key]);
      if (existing === undefined) addEntry(path, key, value);
      else if (existing !== value)
        conflicts.push(
          `${[...path, key].join('.')} is ${JSON.stringify(existing)} in org.yaml; the estate's ${what} is ${value}`,
        );
    }
  };

  for (const [team, owners] of [...needs.teams].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const members = [...owners].sort();
    addEntry(
      ['spec', 'teams'],
      team,
      { members },
      members.length === 0
        ? ' Added by idac import: no owner tag named anyone; list the people of this team.'
        : ' Added by idac import with the owners its tags named: check them, add the rest of the team.',
      false,
    );
    const teamMap = doc.getIn(['spec', 'teams', team], true);
    if (isMap(teamMap)) {
      const list = teamMap.get('members', true);
      if (isSeq(list)) list.flow = true;
    }
  }

  const extra = needs.estate.org;
  const accounts = new Set(Object.keys(extra.aws ?? {}));
  if (needs.estate.target === 'aws' && /^[0-9]{12}$/.test(needs.estate.scope)) accounts.add(needs.estate.scope);
  for (const account of [...accounts].sort()) {
    const more = extra.aws?.[account];
    const region = regionOf(more);
    addEntry(
      ['spec', 'targets', 'aws'],
      account,
      { region },
      region === DEFAULT_REGION
        ? ' Added by idac import; region: where apply reaches AWS (IAM itself is global).'
        : undefined,
      false,
    );
    addAll(['spec', 'targets', 'aws', account, 'oidcProviders'], more?.oidcProviders, 'provider host');
    addAll(['spec', 'targets', 'aws', account, 'trustAnchors'], more?.trustAnchors, 'trust anchor');
  }
  const clusters = new Set(Object.keys(extra.kubernetes ?? {}));
  if (needs.estate.target === 'kubernetes') clusters.add(needs.estate.scope);
  for (const cluster of [...clusters].sort()) addEntry(['spec', 'targets', 'kubernetes'], cluster, {});
  addAll(['spec', 'targets', 'vault', 'auth'], extra.vault?.auth, 'auth method');
  addAll(['spec', 'targets', 'vault', 'mounts'], extra.vault?.mounts, 'mount type');
  for (const [id, account] of Object.entries(extra.trustedAccounts ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
    addEntry(['spec', 'trustedAccounts'], id, { ...account });

  if (added.length === 0 && orgText !== null) return { text: orgText, added, conflicts: conflicts.sort() };
  return { text: houseText(doc), added: added.sort(), conflicts: conflicts.sort() };
}
