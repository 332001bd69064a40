// Shared fixtures for the k8s/* rule tables: the harness identity with access.kubernetes rules
// written one flow mapping per line, so rule i (0-based) sits on line 29 + i.

import { edit, IDENTITY, ORG } from '../harness.js';

export const FILE = 'identities/payments/app.yaml';
export const FIRST_RULE_LINE = 29;

/** Elevation windows around the harness clock (2026-11-23T00:00Z). */
export const ACTIVE = { from: '2026-11-23T00:00:00Z', until: '2026-11-23T06:00:00Z' };
export const ENDED = { from: '2026-11-20T00:00:00Z', until: '2026-11-20T06:00:00Z' };

export interface Options {
  /** RBAC rules of one elevation, each a flow mapping. */
  elevation?: readonly string[];
  window?: { from: string; until: string };
  status?: 'active' | 'suspended' | 'decommissioned';
  /** The namespace of access.kubernetes (default payments). */
  namespace?: string;
}

/** The harness IDENTITY with `access.kubernetes.rules` set to `rules` (flow mappings, one per line). */
export function withRules(rules: readonly string[], opts: Options = {}): string {
  let text = `${IDENTITY}    kubernetes:
      cluster: prod-eu
      namespace: ${opts.namespace ?? 'payments'}
      rules:
${rules.map((r) => `        - ${r}\n`).join('')}`;
  if (opts.elevation) {
    const w = opts.window ?? ACTIVE;
    text += `  elevations:
    - reason: INC-4711 debugging
      approvedBy: carol@example.com
      from: ${w.from}
      until: ${w.until}
      access:
        kubernetes:
          rules:
${opts.elevation.map((r) => `            - ${r}\n`).join('')}`;
  }
  if (opts.status) text += `  status: ${opts.status}\n`;
  return text;
}

/** The harness identity with the one RBAC rule `rule` (on line 29). */
export const one = (rule: string): string => withRules([rule]);

/** The harness identity with the one RBAC rule `rule` (on line 29) in `namespace`. */
export const oneIn = (namespace: string, rule: string): string => withRules([rule], { namespace });

/** The harness org.yaml with prod-eu's privilegedNamespaces set to `namespaces`. */
export const orgPrivileged = (...namespaces: string[]): string =>
  edit(ORG, 'prod-eu: {}', `prod-eu: { privilegedNamespaces: [${namespaces.join(', ')}] }`);

/** A read of config maps: the harmless base rule of manifests whose elevation is under test. */
export const CONFIGMAPS_GET = '{ apiGroups: [""], resources: [configmaps], verbs: [get] }';

/**
 * CONFIGMAPS_GET (line 29) plus an elevation granting `rule` (line 38), in the ACTIVE window unless `opts.window` says
 * otherwise.
 */
export const elevatedWith = (rule: string, opts: Omit<Options, 'elevation'> = {}): string =>
  withRules([CONFIGMAPS_GET], { ...opts, elevation: [rule] });

/** `{ line, column }` of the `nth` occurrence of `token` on 1-based `line` of `text`. */
export function pos(text: string, line: number, token: string, nth = 1): { line: number; column: number } {
  const content = text.split('\n')[line - 1];
  if (content === undefined) throw new Error(`pos: no line ${line}`);
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = content.indexOf(token, i + 1);
    if (i < 0) throw new Error(`pos: ${JSON.stringify(token)} (#${nth}) not on line ${line}: ${content}`);
  }
  return { line, column: i + 1 };
}

/** Line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`lineOf: ${JSON.stringify(needle)} not found`);
  return i + 1;
}
