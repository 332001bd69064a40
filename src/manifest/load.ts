// Load stage: text → data of a known kind, checked against its schema, plus the load findings.
// Clean files take the fast path and never build a position-carrying document; anything else
// takes the authoritative path, which places every problem at its YAML node.

import { show, type Path } from '../common/findings.js';
import { ORG_FILE } from '../common/layout.js';
import { fastParse } from './fast-parse.js';
import { parseYaml, type Locate } from './parse.js';
import { checkSchema, type SchemaKind } from './schemas.js';
import { scanChars } from './text-checks.js';
import {
  PARSE_CONTROL_CHARACTER,
  PARSE_EMPTY,
  PARSE_SYNTAX,
  PARSE_TROJAN_SOURCE,
  SCHEMA_KIND,
  SCHEMA_ROOT,
  type LoadProblem,
} from './load-rule-ids.js';

export type LoadIssue = (LoadProblem & { offset: number }) | (LoadProblem & { path: Path; at: 'key' | 'value' });

export interface Loaded {
  kind: SchemaKind | null;
  /** Undefined when the text could not be turned into data. */
  data: unknown;
  /** Parsed, of a known kind, and valid against that kind's schema: rules may trust its shape. */
  valid: boolean;
  issues: LoadIssue[];
  /** Which parser produced the data (the fast path only ever returns clean files). */
  path: 'fast' | 'full';
  locate: Locate;
}

export interface LoadOptions {
  /** The kind the file's location calls for: identities/org.yaml holds the Organization. */
  expect: SchemaKind;
  fast: boolean;
}

/**
 * org.yaml is read by every stage of a run (plan reads it on both sides, then validate again) and
 * at 100,000 identities it is the largest file: the last one loaded is kept. Loaded data is never
 * mutated, so sharing it is safe.
 */
let lastOrg: { text: string; fast: boolean; loaded: Loaded } | null = null;

export function loadText(text: string, opts: LoadOptions): Loaded {
  if (opts.expect === 'Organization' && lastOrg && lastOrg.text === text && lastOrg.fast === opts.fast)
    return lastOrg.loaded;
  try {
    const loaded = loadAny(text, opts);
    if (opts.expect === 'Organization') lastOrg = { text, fast: opts.fast, loaded };
    return loaded;
  } catch {
    // A bug, not the file's fault; still a finding, never a stack trace (SPEC §5).
    return {
      kind: null,
      data: undefined,
      valid: false,
      path: 'full',
      locate: () => 0,
      issues: [
        {
          rule: PARSE_SYNTAX,
          messageId: 'loaderFailed',
          offset: 0,
          message: 'the loader failed on this file (an internal error in idac; please report it)',
        },
      ],
    };
  }
}

function loadAny(text: string, opts: LoadOptions): Loaded {
  if (opts.fast) {
    const data = fastParse(text);
    if (data !== undefined && kindOf(data) === opts.expect && checkSchema(opts.expect, data).length === 0) {
      let locate: Locate | null = null;
      return {
        kind: opts.expect,
        data,
        valid: true,
        issues: [],
        path: 'fast',
        locate: (p, at) => (locate ??= parseYaml(text).locate)(p, at),
      };
    }
  }
  return loadFull(text, opts.expect);
}

export function loadFull(text: string, expect: SchemaKind): Loaded {
  const issues: LoadIssue[] = scanChars(text);
  const parsed = parseYaml(text);
  // The parser does not know which file it reads: an empty org.yaml needs org advice, not a tombstone.
  issues.push(
    ...(expect === 'Organization'
      ? parsed.issues.map((i) =>
          i.rule === PARSE_EMPTY ? { ...i, messageId: 'noOrganization', message: EMPTY_ORG } : i,
        )
      : parsed.issues),
  );
  const base = { issues, path: 'full' as const, locate: parsed.locate };
  if (parsed.data === undefined) return { ...base, kind: null, data: undefined, valid: false };
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    issues.push({
      rule: SCHEMA_ROOT,
      messageId: 'notMapping',
      offset: 0,
      message:
        `a manifest is a mapping with apiVersion, kind, metadata and spec, not ` +
        (Array.isArray(data) ? 'a list' : 'a single value'),
    });
    return { ...base, kind: null, data, valid: false };
  }
  const kind = kindOf(data);
  if (kind !== expect) {
    const declared = (data as Record<string, unknown>).kind;
    const [messageId, message] =
      kind === 'Organization'
        ? [
            'organizationElsewhere',
            `kind: Organization belongs in ${ORG_FILE} only; this folder holds MachineIdentity manifests`,
          ]
        : kind === 'MachineIdentity'
          ? [
              'identityInOrgFile',
              `${ORG_FILE} must hold kind: Organization; move this MachineIdentity to <team>/<name>.yaml`,
            ]
          : declared === undefined
            ? ['missingKind', `the document is missing the required key "kind" (${expect})`]
            : typeof declared === 'string' && declared.toLowerCase() === expect.toLowerCase()
              ? ['wrongCase', `kind must be written exactly ${expect}`]
              : [
                  'wrongKind',
                  `kind must be ${expect} ` +
                    `${expect === 'Organization' ? `in ${ORG_FILE}` : 'in a team folder (one identity per file)'}, ` +
                    `not ${typeof declared === 'string' ? show(declared, 40) : 'a value of another type'}`,
                ];
    issues.push({ rule: SCHEMA_KIND, messageId, path: declared === undefined ? [] : ['kind'], at: 'value', message });
    return { ...base, kind: null, data, valid: false };
  }
  const schemaIssues = checkSchema(kind, data);
  issues.push(...schemaIssues);
  const parseFailed = parsed.issues.some((i) => i.rule !== PARSE_TROJAN_SOURCE && i.rule !== PARSE_CONTROL_CHARACTER);
  return { ...base, kind, data, valid: schemaIssues.length === 0 && !parseFailed };
}

const EMPTY_ORG =
  `${ORG_FILE} holds no Organization (it is empty or only comments), so no identity has a team, owner or ` +
  `boundary to be checked against: write apiVersion: idac/v1, kind: Organization and spec.teams with each ` +
  `team's members (and spec.securityOwners, who approve exceptions)`;

function kindOf(data: unknown): SchemaKind | null {
  const kind = data && typeof data === 'object' ? (data as Record<string, unknown>).kind : undefined;
  return kind === 'MachineIdentity' || kind === 'Organization' ? kind : null;
}
