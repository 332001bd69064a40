// import → drift → console edits → drift again, against a real IAM API: moto_server holds the estate
// test/peers/aws-estate.ts builds (51 principals, 16 access keys); the built CLI imports it live
// (--live), drift reads it live (--aws-live) and reports only what import said it could not express
// and the keys nobody manages; then a policy edited in the console, a role created by hand, a key
// deleted and a key created are each seen, exactly. No secret moto handed out reaches any output.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IAMClient } from '@aws-sdk/client-iam';
import { idac, type CliResult } from '../e2e/cli.js';
import { decideOwners, orgWithTeams } from '../e2e/imported-repo.js';
import {
  buildAwsEstate,
  ESTATE_ACCOUNT as A,
  motoEnv,
  motoIamClient,
  startMotoWithManagedPolicies,
} from './aws-estate.js';
import { motoBinary, MOTO_SKIP } from './moto.js';
import type { Peer } from './peers.js';

const bin = motoBinary();
const skipped = bin === null ? ` (skipped: ${MOTO_SKIP})` : '';

// Import "tomorrow": every key moto made today predates the import, so none is adopted.
const NOW = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
const ORG = orgWithTeams('payments', 'platform');

interface Report {
  orphans: { target: string; id: string; name: string }[];
  unmanagedKeys: { id: string; keyId: string; status: string; reason: string; identity?: string }[];
  changed: {
    id: string;
    identity: string;
    differences: { field: string; manifest: string | null; live: string | null }[];
  }[];
  missing: unknown[];
}

const mask = (id: string) => `${id.slice(0, 4)}…${id.slice(-4)}`;

describe.skipIf(bin === null)(`idac import and drift against moto_server${skipped}`, () => {
  let moto: Peer | null = null;
  let client: IAMClient | null = null;
  let secrets: string[];
  let dir: string;
  const outputs: string[] = [];
  const run = (args: string[]): CliResult => {
    const r = idac([...args, '--dir', dir, '--now', NOW], { env: motoEnv(moto!.address) });
    outputs.push(r.stdout, r.stderr);
    return r;
  };
  const drift = (): { code: number; report: Report } => {
    const r = run(['drift', '--aws-live', '--format', 'json']);
    return { code: r.code, report: JSON.parse(r.stdout) as Report };
  };
  let first: { code: number; report: Report };
  let imported: { notExpressible: { identity: string; statement: string }[]; skipped: { source: string }[] };

  beforeAll(async () => {
    moto = await startMotoWithManagedPolicies(bin!);
    client = await motoIamClient(moto.address);
    secrets = (await buildAwsEstate(client)).secrets;
    dir = mkdtempSync(join(tmpdir(), 'idac-moto-drift-'));
    const ids = join(dir, 'identities');
    (await import('node:fs')).mkdirSync(ids);
    writeFileSync(join(ids, 'org.yaml'), ORG);
    const imp = run(['import', 'aws', '--live', '--team-from', 'team', '--team', 'platform', '--format', 'json']);
    imported = JSON.parse(imp.stdout) as typeof imported;
    decideOwners(dir);
    first = drift();
  }, 180_000);

  afterAll(async () => {
    client?.destroy();
    await moto?.stop();
  });

  it('right after the import: nothing changed, only the keys it never adopts', async () => {
    const { code, report } = first;
    expect(code).toBe(1);
    expect(report.missing).toEqual([]);
    // What import could not express is recorded in the manifests (importedFrom.live.notExpressible): not drift.
    expect(imported.notExpressible.length).toBeGreaterThan(0);
    expect(report.changed).toEqual([]);
    // All 16 keys predate the import: none is idac's.
    expect(report.unmanagedKeys).toHaveLength(16);
    for (const k of report.unmanagedKeys) expect(k.reason).toMatch(/^(created before the import|no manifest declares)/);
  });

  it('sees a console edit, a new role, a deleted key and a new key, exactly', async () => {
    const sdk = await import('@aws-sdk/client-iam');
    const iam = client!;
    // A console edit: gh-deploy-03 may now delete functions too.
    await iam.send(
      new sdk.PutRolePolicyCommand({
        RoleName: 'gh-deploy-03',
        PolicyName: 'console-hotfix',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'lambda:DeleteFunction',
              Resource: `arn:aws:lambda:eu-west-1:${A}:function:svc-03`,
            },
          ],
        }),
      }),
    );
    // A role made by hand.
    await iam.send(
      new sdk.CreateRoleCommand({
        RoleName: 'shadow-admin',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    // A key deleted, and a key created.
    const listed = await iam.send(new sdk.ListAccessKeysCommand({ UserName: 'svc-user-05' }));
    const deleted = listed.AccessKeyMetadata![0]!.AccessKeyId!;
    await iam.send(new sdk.DeleteAccessKeyCommand({ UserName: 'svc-user-05', AccessKeyId: deleted }));
    const created = (await iam.send(new sdk.CreateAccessKeyCommand({ UserName: 'svc-user-07' }))).AccessKey!;
    secrets.push(created.AccessKeyId!, created.SecretAccessKey!);

    const { code, report } = drift();
    expect(code).toBe(1);
    expect(report.orphans).toEqual(
      [
        ...first.report.orphans,
        { target: 'aws', id: `arn:aws:iam::${A}:role/shadow-admin`, name: 'shadow-admin' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const before = first.report.changed.find((c) => c.identity === 'gh-deploy-03');
    const after = report.changed.find((c) => c.identity === 'gh-deploy-03')!;
    expect(after.differences).toEqual(
      [
        ...(before?.differences ?? []),
        {
          field: 'aws.permissions',
          manifest: null,
          live: `lambda:DeleteFunction on arn:aws:lambda:eu-west-1:${A}:function:svc-03`,
        },
      ].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)),
    );
    expect(report.changed.filter((c) => c.identity !== 'gh-deploy-03')).toEqual(
      first.report.changed.filter((c) => c.identity !== 'gh-deploy-03'),
    );
    const keys = (r: Report) => r.unmanagedKeys.map((k) => k.keyId).sort();
    expect(keys(report)).toEqual(
      [...keys(first.report).filter((k) => k !== mask(deleted)), mask(created.AccessKeyId!)].sort(),
    );
  });

  it('never prints a key id whole, a secret key or a credential moto handed out', () => {
    const all = outputs.join('\n');
    expect(secrets.length).toBeGreaterThan(30);
    for (const s of secrets) expect(all).not.toContain(s);
  });
});
