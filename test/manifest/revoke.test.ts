// revokeText edits the manifest as text: only the status line (and its comment) and the epoch change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/manifest/load.js';
import { EPOCH_MAX, revokeText } from '../../src/manifest/revoke.js';
import { verifyEdit } from '../../src/manifest/verify-edit.js';
import { edit } from '../rules/harness.js';
import { fail, messageOf } from '../../src/common/result.js';

const acme = (f: string) => readFileSync(new URL(`../../examples/acme/identities/${f}`, import.meta.url), 'utf8');
const OPTS = { reason: 'INC-5000 key in a CI log', date: '2026-11-23' };

function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  return { removed: x.filter((l) => !y.includes(l)), added: y.filter((l) => !x.includes(l)) };
}

describe('revokeText', () => {
  it.each([
    [
      'payments/settlement-reader.yaml',
      {
        removed: ['  status: active'],
        added: ['  # revoked 2026-11-23: INC-5000 key in a CI log', '  status: suspended'],
      },
      null,
    ],
    [
      'data/report-exporter.yaml',
      {
        removed: [],
        added: ['  # revoked 2026-11-23: INC-5000 key in a CI log', '  status: suspended', '    epoch: 1'],
      },
      1,
    ],
    // Already suspended: the status line and its comment stay; only the generation moves, with its reason.
    [
      'data/legacy-etl.yaml',
      {
        removed: ['    epoch: 1'],
        added: ['    # new credential generation 2026-11-23: INC-5000 key in a CI log', '    epoch: 2'],
      },
      2,
    ],
    [
      'platform/release-bot.yaml',
      { removed: [], added: ['  # revoked 2026-11-23: INC-5000 key in a CI log', '  status: suspended'] },
      null,
    ],
  ])('%s: only the lines that matter change, and it still loads', (file, lines, epoch) => {
    const before = acme(file);
    const r = revokeText(before, OPTS);
    if (!r.ok) throw new Error(messageOf(r));
    expect(changedLines(before, r.text)).toEqual(lines);
    expect(r.epoch).toBe(epoch);
    const loaded = loadText(r.text, { expect: 'MachineIdentity', fast: false });
    expect(loaded.valid).toBe(true);
    expect((loaded.data as { spec: { status: string } }).spec.status).toBe('suspended');
  });

  it('a rotation written as a flow mapping gets its new generation too (the compromised key must be replaced)', () => {
    const block = acme('data/report-exporter.yaml');
    const m = /\n {2}rotation:\n {4}period: (\w+)\n {4}overlap: (\w+)\n/.exec(block)!;
    const flow = block.replace(m[0], `\n  rotation: { period: ${m[1]}, overlap: ${m[2]} }\n`);
    const first = revokeText(flow, OPTS);
    if (!first.ok) throw new Error(messageOf(first));
    expect(first.epoch).toBe(1);
    expect(changedLines(flow, first.text)).toEqual({
      removed: [`  rotation: { period: ${m[1]}, overlap: ${m[2]} }`],
      added: [
        '  # revoked 2026-11-23: INC-5000 key in a CI log',
        '  status: suspended',
        `  rotation: { period: ${m[1]}, overlap: ${m[2]}, epoch: 1 }`,
      ],
    });
    const second = revokeText(first.text, { ...OPTS, reason: 'INC-5001' });
    if (!second.ok) throw new Error(messageOf(second));
    expect(changedLines(first.text, second.text)).toEqual({
      removed: [`  rotation: { period: ${m[1]}, overlap: ${m[2]}, epoch: 1 }`],
      added: [
        '  # new credential generation 2026-11-23: INC-5001',
        `  rotation: { period: ${m[1]}, overlap: ${m[2]}, epoch: 2 }`,
      ],
    });
    expect(
      (
        loadText(second.text, { expect: 'MachineIdentity', fast: false }).data as {
          spec: { rotation: { epoch: number } };
        }
      ).spec.rotation.epoch,
    ).toBe(2);
  });

  // Every style a hand-written status or rotation can take: the result is the whole file with only
  // the intended lines changed, and it means exactly suspended + the next epoch.
  const EXPORTER = acme('data/report-exporter.yaml');
  const COMMENT = '  # revoked 2026-11-23: INC-5000 key in a CI log\n';
  const ROTATION = '  rotation:\n    period: 60d\n    overlap: 3d\n';
  const withStatus = (status: string) => edit(EXPORTER, ROTATION, `${status}${ROTATION}`);
  const revoked = (status: string, rotation = '  rotation:\n    period: 60d\n    overlap: 3d\n    epoch: 1\n') =>
    edit(EXPORTER, ROTATION, `${COMMENT}${status}${rotation}`);
  it.each([
    ['folded block scalar status (>-)', withStatus('  status: >-\n    active\n'), revoked('  status: suspended\n')],
    [
      'literal block scalar status with a header comment',
      withStatus('  status: |-  # set by hand\n    active\n'),
      revoked('  status: suspended # set by hand\n'),
    ],
    [
      'double-quoted status with a comment',
      withStatus('  status: "active"  # note\n'),
      revoked('  status: "suspended"  # note\n'),
    ],
    ['single-quoted status', withStatus("  status: 'active'\n"), revoked("  status: 'suspended'\n")],
    [
      'flow rotation with period and overlap',
      edit(EXPORTER, ROTATION, '  rotation: {period: 30d, overlap: 2d}\n'),
      edit(EXPORTER, ROTATION, `${COMMENT}  status: suspended\n  rotation: {period: 30d, overlap: 2d, epoch: 1}\n`),
    ],
    [
      'epoch with a comment after it',
      edit(EXPORTER, ROTATION, `${ROTATION}    epoch: 3  # third\n`),
      revoked('  status: suspended\n', `${ROTATION}    epoch: 4  # third\n`),
    ],
    [
      'CRLF line ends: inserted lines are CRLF too',
      EXPORTER.replace(/\n/g, '\r\n'),
      edit(EXPORTER, ROTATION, `${COMMENT}  status: suspended\n${ROTATION}    epoch: 1\n`).replace(/\n/g, '\r\n'),
    ],
    [
      'CRLF with a block scalar status',
      withStatus('  status: >-\n    active\n').replace(/\n/g, '\r\n'),
      revoked('  status: suspended\n').replace(/\n/g, '\r\n'),
    ],
    [
      'no line break at the end of the file',
      `${edit(EXPORTER, ROTATION, '')}${ROTATION.trimEnd()}`,
      `${edit(EXPORTER, ROTATION, `${COMMENT}  status: suspended\n`)}${ROTATION}    epoch: 1\n`,
    ],
  ])('%s', (_name, before, after) => {
    const r = revokeText(before, OPTS);
    if (!r.ok) throw new Error(messageOf(r));
    expect(r.text).toBe(after);
    expect(verifyEdit(before, r.text, 'MachineIdentity', r.changes)).toBeNull();
    expect(loadText(r.text, { expect: 'MachineIdentity', fast: false }).valid).toBe(true);
  });

  it('a flow spec gets status and epoch inside its braces, the comment above it', () => {
    const before =
      'apiVersion: idac/v1\nkind: MachineIdentity\nmetadata: {name: x}\nspec: {type: workload, rotation: ' +
      '{period: 30d}}  # flow\n';
    const r = revokeText(before, OPTS);
    if (!r.ok) throw new Error(messageOf(r));
    expect(r.text).toBe(
      `apiVersion: idac/v1\nkind: MachineIdentity\nmetadata: {name: x}\n# revoked 2026-11-23: INC-5000 key ` +
        `in a CI log\nspec: {type: workload, rotation: {period: 30d, epoch: 1}, status: suspended}  # flow\n`,
    );
    expect(r.changes).toEqual([
      { path: ['spec', 'status'], value: 'suspended' },
      { path: ['spec', 'rotation', 'epoch'], value: 1 },
    ]);
  });

  it('a hostile reason stays one comment line', () => {
    const r = revokeText(acme('payments/settlement-reader.yaml'), {
      reason: 'x\nstatus: active\r\n  access: {}\u202e',
      date: '2026-11-23',
    });
    if (!r.ok) throw new Error(messageOf(r));
    expect(r.text).toContain('  # revoked 2026-11-23: x status: active access: {}\n  status: suspended\n');
    expect(
      (loadText(r.text, { expect: 'MachineIdentity', fast: false }).data as { spec: { status: string } }).spec.status,
    ).toBe('suspended');
  });

  it('a decommissioned identity is refused; a suspended one without a static credential is left as it is', () => {
    expect(revokeText(acme('payments/nightly-recon.yaml'), OPTS)).toEqual(
      fail(
        'it is decommissioned: apply has deleted its access and credentials, so there is nothing to revoke. ' +
          'Nothing was changed',
      ),
    );
    const suspended = acme('payments/settlement-reader.yaml').replace('status: active', 'status: suspended');
    expect(revokeText(suspended, OPTS)).toEqual({
      ok: true,
      text: suspended,
      epoch: null,
      was: 'suspended',
      changes: [],
    });
    expect(revokeText(suspended.replace('status: suspended', 'status: paused'), OPTS)).toEqual(
      fail('spec.status is "paused", not active, suspended or decommissioned; fix it first (idac validate)'),
    );
  });

  it.each([
    ['quoted', "    epoch: '2'\n", '"2" (text, not a number)'],
    ['double-quoted', '    epoch: "2"\n', '"2" (text, not a number)'],
    ['a folded block scalar', '    epoch: >-\n      2\n', '"2" (text, not a number)'],
    ['negative', '    epoch: -5\n', '"-5"'],
    ['a fraction', '    epoch: 1.5\n', '"1.5"'],
    ['empty', '    epoch:\n', 'empty'],
    ['a mapping', '    epoch: { a: 1 }\n', 'not a single value'],
  ])('an epoch that is not a plain whole number (%s) is refused, never guessed at', (_l, line, shown) => {
    const text = acme('data/report-exporter.yaml').replace('    overlap: 3d\n', `    overlap: 3d\n${line}`);
    const r = revokeText(text, OPTS);
    expect(r).toEqual(
      fail(
        `spec.rotation.epoch is ${shown}, not a whole number from 0 to 1000000, so revoke cannot tell which ` +
          `credential generation comes next. Nothing was changed. Write the epoch as a plain number (epoch: 2) ` +
          `and run revoke again. To stop it now by hand: set spec.status: suspended, and give ` +
          `spec.rotation.epoch a plain whole number higher than any used before (at most 1000000)`,
      ),
    );
  });

  it('an epoch at the schema maximum is refused with what to do; one below it is bumped to the maximum', () => {
    expect(EPOCH_MAX).toBe(1_000_000);
    const at = (n: number) =>
      acme('data/report-exporter.yaml').replace('    overlap: 3d\n', `    overlap: 3d\n    epoch: ${n}\n`);
    const r = revokeText(at(EPOCH_MAX), OPTS);
    expect(r).toEqual(
      fail(
        expect.stringMatching(
          new RegExp(
            String.raw`^spec\.rotation\.epoch is 1000000, the largest the schema allows \(1000000\), so revoke ` +
              String.raw`cannot start a new credential generation\. Nothing was changed\. To stop it now by hand: ` +
              String.raw`set spec\.status: suspended`,
          ),
        ),
      ),
    );
    const below = revokeText(at(EPOCH_MAX - 1), OPTS);
    expect(below).toMatchObject({ ok: true, epoch: EPOCH_MAX });
    if (below.ok) expect(verifyEdit(at(EPOCH_MAX - 1), below.text, 'MachineIdentity', below.changes)).toBeNull();
  });

  it('a manifest that does not parse is refused, not rewritten', () => {
    expect(revokeText('spec: [\n', OPTS)).toEqual(fail(expect.stringMatching(/does not parse/)));
    expect(revokeText('apiVersion: idac/v1\n', OPTS)).toEqual(fail(expect.stringMatching(/no mapping `spec`/)));
  });
});
