// idac import aws against a real IAM API: moto_server holds the estate test/peers/aws-estate.ts builds;
// `import aws --live` (the built CLI, SDK default credential chain pointed at moto) and `import aws --from`
// the export file written from the same pages write the same manifests byte for byte, list every access
// key as unmanaged, and no secret moto handed out reaches any output or file.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportText, fetchAwsEstate } from '../../src/io/aws-iam.js';
import { idacAsync, repo, STACK_TRACE, type CliResult } from '../e2e/cli.js';
import {
  buildAwsEstate,
  motoEnv,
  motoIamClient,
  startMotoWithManagedPolicies,
  type BuiltAwsEstate,
} from './aws-estate.js';
import { motoBinary, MOTO_SKIP } from './moto.js';
import type { Peer } from './peers.js';

const bin = motoBinary();
const skipped = bin === null ? ` (skipped: ${MOTO_SKIP})` : '';
const NOW = '2026-12-03';

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p), 'utf8');
    }
  };
  walk('identities');
  return out;
}

describe.skipIf(bin === null)(`idac import aws from moto_server, live and from the export${skipped}`, () => {
  let moto: Peer | null = null;
  let built: BuiltAwsEstate;
  let exportFile: string;
  let live: CliResult;
  let liveDir: string;

  beforeAll(async () => {
    moto = await startMotoWithManagedPolicies(bin!);
    const client = await motoIamClient(moto.address);
    built = await buildAwsEstate(client);
    client.destroy();
    const read = await fetchAwsEstate(motoEnv(moto.address));
    if (!read.ok) throw new Error(read.diagnostics.map((d) => d.summary).join('\n'));
    const files = repo({});
    exportFile = join(files, 'auth.json');
    writeFileSync(exportFile, exportText(read.value.pages));
    liveDir = repo({});
    live = await idacAsync(
      ['import', 'aws', '--live', '--team', 'platform', '--dir', liveDir, '--now', NOW, '--format', 'json'],
      { env: { ...motoEnv(moto.address), AWS_PROFILE: undefined, AWS_CONFIG_FILE: '/dev/null' } },
    );
  }, 180_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it('imports every principal AWS does not own, and lists the access keys as unmanaged', () => {
    // The SDK may warn about the Node version on stderr; nothing else may be there.
    expect(live.stderr).not.toMatch(STACK_TRACE);
    expect(live.stderr).not.toContain('idac:');
    expect([0, 1]).toContain(live.code);
    const s = JSON.parse(live.stdout) as {
      imported: unknown[];
      skipped: { name: string }[];
      unmanagedKeys: { keyId: string }[];
    };
    expect(s.imported).toHaveLength(built.roles + built.users - 2);
    expect(s.skipped.map((k) => k.name)).toEqual(['AWSReservedSSO_Admin_0123456789abcdef', 'AWSServiceRoleForecs']);
    expect(s.unmanagedKeys).toHaveLength(built.keys.length);
    expect(s.unmanagedKeys.every((k) => /^AKIA…[A-Z0-9]{4}$/.test(k.keyId) || k.keyId.includes('…'))).toBe(true);
  });

  it('the export file gives the same manifests and org.yaml, byte for byte', async () => {
    const fromFile = repo({});
    const r = await idacAsync([
      'import',
      'aws',
      '--from',
      exportFile,
      '--team',
      'platform',
      '--dir',
      fromFile,
      '--now',
      NOW,
    ]);
    expect(r.code).toBe(live.code);
    expect(tree(fromFile)).toEqual(tree(liveDir));
  });

  it('no secret moto handed out is in any output or file', () => {
    const texts = [live.stdout, live.stderr, ...Object.values(tree(liveDir))];
    for (const secret of built.secrets) for (const t of texts) expect(t).not.toContain(secret);
  });
});
