// offboardNext: what is left after a hand-over, the line each missing successor goes on, and the
// one command that fills every gap (undoing a --write that named none).
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/manifest/load.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { orgModel } from '../../src/model/org.js';
import { offboardReport } from '../../src/features/people/offboard.js';
import { offboardNext } from '../../src/features/people/next.js';
import { IDENTITY, ORG } from '../rules/harness.js';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type
const data = <T>(text: string, kind: 'MachineIdentity' | 'Organization'): T =>
  loadText(text, { expect: kind, fast: false }).data as T;
const org = orgModel(data<Organization>(ORG, 'Organization'));
const ids = [{ file: 'identities/payments/app.yaml', data: data<MachineIdentity>(IDENTITY, 'MachineIdentity') }];
const successorLine = IDENTITY.split('\n').findIndex((l) => /^\s*successor:/.test(l)) + 1;

describe('offboardNext', () => {
  it('the owner leaves: the successor takes over and a new one is needed, named by team', async () => {
    const report = offboardReport('alice@example.com', ids, org, []);
    const next = await offboardNext(report, ids, org, null, () => Promise.resolve(IDENTITY));
    expect(next.successors.map((s) => [s.identity, s.team, s.owner, s.line])).toEqual([
      ['app', 'payments', 'bob@example.com', successorLine],
    ]);
    expect(next.command).toBe('idac offboard alice@example.com --write --successor EMAIL');
  });

  it('after a --write without successors, the command first undoes it (a path with a space quoted)', async () => {
    const report = offboardReport('alice@example.com', ids, org, []);
    const written = {
      files: ['identities/payments/app.yaml', "identities/it's here.yaml"],
      diff: '',
      successors: false,
    };
    const next = await offboardNext(report, ids, org, written, () => Promise.resolve(IDENTITY));
    expect(next.command).toBe(
      "git checkout -- identities/payments/app.yaml 'identities/it'\\''s here.yaml' && " +
        'idac offboard alice@example.com --write --successor EMAIL',
    );
  });

  it('nothing missing: no command', async () => {
    const report = offboardReport('carol@example.com', ids, org, []);
    expect(await offboardNext(report, ids, org, null, () => Promise.reject(new Error('not read')))).toEqual({
      successors: [],
      command: null,
    });
  });
});
