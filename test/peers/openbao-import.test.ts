// idac import vault against a real Vault-compatible server: OpenBao holds the estate
// test/peers/vault-estate.ts builds; `import vault --live` (the built CLI, VAULT_ADDR/VAULT_TOKEN) and
// `import vault --from` the dump fetched over the same API write the same manifests, and neither the
// token nor a role id or secret id reaches any output or file.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchVaultDump } from '../../src/io/vault-api.js';
import { idacAsync, repo, STACK_TRACE, type CliResult } from '../e2e/cli.js';
import { baoBinary, OPENBAO_SKIP, startOpenBao, type OpenBao } from './openbao.js';
import { buildVaultEstate, type VaultEstate } from './vault-estate.js';

const bin = baoBinary();
const skipped = bin === null ? ` (skipped: ${OPENBAO_SKIP})` : '';
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

describe.skipIf(bin === null)(`idac import vault from OpenBao, live and from a dump${skipped}`, () => {
  let bao: OpenBao | null = null;
  let made: VaultEstate;
  let live: CliResult;
  let liveDir: string;
  let dumpFile: string;

  beforeAll(async () => {
    bao = await startOpenBao(bin!);
    made = await buildVaultEstate(bao);
    const env = { VAULT_ADDR: bao.address, VAULT_TOKEN: bao.token };
    const dump = await fetchVaultDump({ PATH: process.env.PATH, ...env });
    if (!dump.ok) throw new Error(dump.diagnostics[0]!.summary);
    dumpFile = join(repo({}), 'vault-dump.json');
    writeFileSync(dumpFile, JSON.stringify(dump.value));
    liveDir = repo({});
    live = await idacAsync(
      ['import', 'vault', '--live', '--team', 'platform', '--dir', liveDir, '--now', NOW, '--format', 'json'],
      { env },
    );
  }, 120_000);

  afterAll(async () => {
    await bao?.stop();
  });

  it('imports the auth roles and reports the policy stanzas a manifest cannot say', () => {
    expect(live.stderr).toBe('');
    expect(live.stderr).not.toMatch(STACK_TRACE);
    const s = JSON.parse(live.stdout) as { imported: { source: string }[]; notExpressible: unknown[] };
    expect(s.imported.length).toBeGreaterThan(0);
    expect(s.imported.every((i) => i.source.startsWith('vault:auth/'))).toBe(true);
    expect(live.code).toBe(s.notExpressible.length > 0 ? 1 : 0);
  });

  it('the dump gives the same manifests (the live scope is the address, the file the same data)', async () => {
    const fromFile = repo({});
    const r = await idacAsync([
      'import',
      'vault',
      '--from',
      dumpFile,
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

  it('no token, role id or secret id is in any output or file', () => {
    const texts = [live.stdout, live.stderr, ...Object.values(tree(liveDir))];
    for (const secret of [bao!.token, ...made.secrets]) for (const t of texts) expect(t).not.toContain(secret);
  });
});
