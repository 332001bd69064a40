// idac rotation through the built CLI: SPEC §5's JSON shape, the SPEC §2 generation formula
// (computed here independently), and what makes a credential overdue.
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, idacUnprivileged, whyNoUnprivileged, root, STACK_TRACE } from './cli.js';

const NOW = '2026-11-23T00:00:00Z';
const UNPRIVILEGED_SKIP = whyNoUnprivileged();
if (UNPRIVILEGED_SKIP)
  console.warn(`test/e2e/rotation.test.ts: the file-permission case is skipped: ${UNPRIVILEGED_SKIP}`);
const EXPORTER = 'identities/data/report-exporter.yaml';

function acmeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-rotation-'));
  cpSync(join(root, 'examples/acme'), dir, { recursive: true });
  return dir;
}

function iso(sec: number): string {
  return new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
}

describe('idac rotation (built CLI)', () => {
  it(
    'lists every static credential of examples/acme with the SPEC shape; tombstones and federated identities ' +
      'have none',
    () => {
      const r = idac(['rotation', '--dir', join(root, 'examples/acme'), '--now', NOW, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const { credentials } = JSON.parse(r.stdout) as { credentials: Record<string, unknown>[] };
      expect(credentials.map((c) => [c.identity, c.kind])).toEqual([
        ['edge-gateway', 'vault-secret-id'],
        ['ledger-writer', 'vault-secret-id'],
        ['legacy-etl', 'vault-secret-id'],
        ['report-exporter', 'aws-access-key'],
      ]);
      for (const c of credentials)
        for (const k of ['identity', 'kind', 'generation', 'issued', 'nextRotation', 'overlapUntil'])
          expect(c).toHaveProperty(k);

      // report-exporter: period 60d, overlap 3d, epoch 0; offset = first 4 bytes of SHA-256(name) mod period.
      const period = 60 * 86400;
      const offset = createHash('sha256').update('report-exporter').digest().readUInt32BE(0) % period;
      const now = Date.parse(NOW) / 1000;
      const k = Math.floor((now - offset) / period);
      const issued = offset + k * period;
      expect(credentials[3]).toEqual({
        identity: 'report-exporter',
        kind: 'aws-access-key',
        generation: k,
        issued: iso(issued),
        nextRotation: iso(issued + period),
        overlapUntil: iso(issued + 3 * 86400),
        status: 'active',
        ageDays: Math.floor((now - issued) / 86400),
        overdue: false,
        reason: null,
        file: EXPORTER,
      });
      // legacy-etl is suspended with epoch 1: one generation ahead of the clock's.
      const legacy = credentials[2]!;
      const p30 = 30 * 86400;
      const off = createHash('sha256').update('legacy-etl').digest().readUInt32BE(0) % p30;
      expect(legacy).toMatchObject({ status: 'suspended', generation: Math.floor((now - off) / p30) + 1 });
    },
  );

  it('a period longer than the org limit, or no rotation at all, is overdue (exit 1)', () => {
    const dir = acmeCopy();
    const text = readFileSync(join(dir, EXPORTER), 'utf8');
    writeFileSync(join(dir, EXPORTER), text.replace('period: 60d', 'period: 120d'));
    const r = idac(['rotation', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    const row = (
      JSON.parse(r.stdout) as { credentials: { identity: string; overdue: boolean; reason: string | null }[] }
    ).credentials.find((c) => c.identity === 'report-exporter')!;
    expect(row).toMatchObject({ overdue: true, reason: 'rotates every 120d, longer than the org limit of 90d' });

    writeFileSync(join(dir, EXPORTER), text.replace(/ {2}rotation:\n {4}period: 60d\n {4}overlap: 3d\n/, ''));
    const none = idac(['rotation', '--dir', dir, '--now', NOW]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(
      /report-exporter +aws-access-key .*next never .*OVERDUE: no rotation period: the credential never rotates/,
    );
    expect(none.stdout).not.toMatch(STACK_TRACE);
  });

  it('a suspended identity has no overlap window: overlapUntil null, and the text prints none', () => {
    const acme = join(root, 'examples/acme');
    const json = JSON.parse(idac(['rotation', '--dir', acme, '--now', NOW, '--format', 'json']).stdout) as {
      credentials: Record<string, unknown>[];
    };
    const p30 = 30 * 86400;
    const now = Date.parse(NOW) / 1000;
    const off = createHash('sha256').update('legacy-etl').digest().readUInt32BE(0) % p30;
    const issued = off + Math.floor((now - off) / p30) * p30;
    expect(json.credentials.find((c) => c.identity === 'legacy-etl')).toEqual({
      identity: 'legacy-etl',
      kind: 'vault-secret-id',
      generation: Math.floor((now - off) / p30) + 1,
      issued: iso(issued),
      nextRotation: iso(issued + p30),
      overlapUntil: null,
      status: 'suspended',
      ageDays: Math.floor((now - issued) / 86400),
      overdue: false,
      reason: null,
      file: 'identities/data/legacy-etl.yaml',
    });
    const line = idac(['rotation', '--dir', acme, '--now', NOW])
      .stdout.split('\n')
      .find((l) => l.startsWith('legacy-etl '))!;
    expect(line).toBe(
      `legacy-etl                   vault-secret-id g${Math.floor((now - off) / p30) + 1}    issued ` +
        `${iso(issued)}  next ${iso(issued + p30)}  age ${Math.floor((now - issued) / 86400)}d  (suspended)`,
    );
  });

  it(
    'without a rotation period nothing is invented: issued, ' + 'overlapUntil and ageDays are null ("unknown" in text)',
    () => {
      const dir = acmeCopy();
      writeFileSync(
        join(dir, EXPORTER),
        readFileSync(join(dir, EXPORTER), 'utf8').replace(/ {2}rotation:\n {4}period: 60d\n {4}overlap: 3d\n/, ''),
      );
      const r = idac(['rotation', '--dir', dir, '--now', NOW, '--format', 'json']);
      expect(r.code).toBe(1);
      expect(
        (JSON.parse(r.stdout) as { credentials: Record<string, unknown>[] }).credentials.find(
          (c) => c.identity === 'report-exporter',
        ),
      ).toEqual({
        identity: 'report-exporter',
        kind: 'aws-access-key',
        generation: 0,
        issued: null,
        nextRotation: null,
        overlapUntil: null,
        status: 'active',
        ageDays: null,
        overdue: true,
        reason: 'no rotation period: the credential never rotates',
        file: EXPORTER,
      });
      const line = idac(['rotation', '--dir', dir, '--now', NOW])
        .stdout.split('\n')
        .find((l) => l.startsWith('report-exporter '));
      expect(line).toBe(
        'report-exporter              aws-access-key  g0      issued unknown  next never  age unknown  ' +
          'OVERDUE: no rotation period: the credential never rotates',
      );
    },
  );

  it('exit 2 with the file named when a manifest cannot be read (it may hold a credential)', (ctx) => {
    if (UNPRIVILEGED_SKIP) ctx.skip(UNPRIVILEGED_SKIP);
    const dir = acmeCopy();
    chmodSync(join(dir, EXPORTER), 0o000);
    const r = idacUnprivileged(['rotation', '--dir', dir, '--now', NOW], dir);
    chmodSync(join(dir, EXPORTER), 0o644);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `idac: cannot read ${EXPORTER}: permission denied\n` });
  });

  it('exit 2 without an identities folder', () => {
    const r = idac(['rotation', '--dir', tmpdir(), '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});
