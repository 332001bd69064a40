// Table-driven rule tests (docs/STYLE.md): `good` rows must give no finding of the rule under test;
// `bad` rows give exactly the listed findings of that rule (line, column, and a message pattern),
// compared as a whole list, not "contains". Each row is a small repo: org.yaml plus manifests.

import { describe, expect, it } from 'vitest';
import { validate } from '../../src/check/validate.js';
import type { Finding } from '../../src/common/findings.js';
import { MemorySource } from '../../src/manifest/memory-source.js';
import { parseInstant } from '../../src/common/time.js';
import { messageOf } from '../../src/common/result.js';

export const NOW = '2026-11-23';

export const ORG = `apiVersion: idac/v1
kind: Organization
spec:
  securityOwners: [sec@example.com]
  teams:
    payments:
      members: [alice@example.com, bob@example.com, carol@example.com]
      boundaries:
        aws: { accounts: ["123456789012"] }
        kubernetes: { namespaces: ["prod-eu/payments"] }
        vault: { paths: ["kv/data/payments/*"], domains: ["payments.svc.cluster.local"] }
    risk:
      members: [dave@example.com, erin@example.com]
  targets:
    aws:
      "123456789012": { region: eu-west-1, oidcProviders: { prod-eu: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE } }
    kubernetes:
      prod-eu: {}
    vault:
      mounts: { kv: kv-v2, pki: pki }
  limits:
    maxLifetime: 365d
    reviewEvery: 180d
    maxElevation: 8h
    rotation:
      aws-access-key: 90d
      vault-secret-id: 30d
    certificateTtl: 90d
`;

/**
 * A valid identity at identities/payments/app.yaml (line numbers below are part of the contract of tests that use it).
 */
export const IDENTITY = `apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: app
spec:
  type: workload
  purpose: Reads settlement files from the bank drop bucket.
  stewardship:
    owner: alice@example.com
    successor: bob@example.com
    team: payments
  expires: 2027-05-31
  review:
    lastReviewed: 2026-10-01
    reviewer: carol@example.com
  access:
    aws:
      account: "123456789012"
      principal: role
      trust:
        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: app }
      permissions:
        - actions: [s3:GetObject]
          resources: [arn:aws:s3:::bank-drop/*]
`;

/** What `idac codeowners` writes for ORG + IDENTITY (the generator's own test pins the full text). */
export const CODEOWNERS_FOR_IDENTITY = [
  '# generated',
  '/identities/ sec@example.com',
  '/identities/org.yaml sec@example.com',
  '/schema/ sec@example.com',
  '/.github/ sec@example.com',
  '/identities/payments/app.yaml alice@example.com bob@example.com',
  '',
].join('\n');

export interface Row {
  name: string;
  /** repo-relative path → content; org.yaml defaults to ORG unless given (or given as null to omit it). */
  files: Record<string, string | Uint8Array | null>;
  now?: string;
}

export interface BadRow extends Row {
  /**
   * `messageId` is the key of the rule's message (asserted like typescript-eslint's `invalid` rows); `message` a
   * pattern of its text.
   */
  expect: { line: number; column: number; messageId: string; message?: RegExp; file?: string }[];
}

/** Replaces exactly one occurrence of `from` (fails loudly when the base text drifts). */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`edit: ${JSON.stringify(from)} must occur exactly once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

export async function run(row: Row): Promise<Finding[]> {
  const files: Record<string, string | Uint8Array> = {};
  if (!('identities/org.yaml' in row.files)) files['identities/org.yaml'] = ORG;
  for (const [k, v] of Object.entries(row.files)) if (v !== null) files[k] = v;
  const now = parseInstant(row.now ?? NOW);
  if (now === null) throw new Error(`bad now ${row.now}`);
  const result = await validate(new MemorySource(files), { paths: ['identities'], now });
  if (!result.ok) throw new Error(messageOf(result));
  return result.value.findings;
}

export function ruleTable(rule: string, table: { good: Row[]; bad: BadRow[] }): void {
  describe(rule, () => {
    it.each(table.good.map((r) => [r.name, r] as const))('good: %s', async (_name, row) => {
      const all = await run(row);
      // A good row whose files do not load tests nothing: the rule never sees them.
      if (!/^(schema|parse|name|org|secret|codeowners)\//.test(rule))
        expect(all.filter((f) => /^(schema|parse)\//.test(f.rule)).map((f) => `${f.file}: ${f.message}`)).toEqual([]);
      expect(all.filter((f) => f.rule === rule)).toEqual([]);
    });
    it.each(table.bad.map((r) => [r.name, r] as const))('bad: %s', async (_name, row) => {
      for (const e of row.expect)
        expect(e.messageId, `${row.name}: every expected finding names its messageId`).toBeTypeOf('string');
      const findings = (await run(row)).filter((f) => f.rule === rule);
      expect(
        findings.map((f) => ({
          line: f.line,
          column: f.column,
          messageId: f.messageId,
          ...(row.expect.some((e) => e.file) ? { file: f.file } : {}),
        })),
      ).toEqual(
        row.expect.map((e) => ({
          line: e.line,
          column: e.column,
          messageId: e.messageId,
          ...(e.file ? { file: e.file } : {}),
        })),
      );
      row.expect.forEach((e, i) => {
        if (e.message) expect(findings[i]!.message).toMatch(e.message);
      });
    });
  });
}
