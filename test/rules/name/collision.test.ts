import { describe, expect, it } from 'vitest';
import collision from '../../../src/rules/name/collision.js';
import { messageText } from '../../../src/rules/types.js';
import { edit, IDENTITY, ruleTable } from '../harness.js';

const named = (name: string, text = IDENTITY) => edit(text, '  name: app\n', `  name: ${name}\n`);
const renamed = (name: string, from: string) =>
  edit(IDENTITY, '  name: app\n', `  name: ${name}\n  renamedFrom: ${from}\n`);
const risk = edit(
  edit(edit(IDENTITY, 'team: payments', 'team: risk'), 'owner: alice@example.com', 'owner: dave@example.com'),
  'successor: bob@example.com',
  'successor: erin@example.com',
);

ruleTable('name/collision', {
  good: [
    { name: 'one identity', files: { 'identities/payments/app.yaml': IDENTITY } },
    {
      name: 'different names',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/risk/other.yaml': named('other', risk) },
    },
    {
      name: 'renamed from a name no longer in use',
      files: {
        'identities/payments/app-v2.yaml': renamed('app-v2', 'app'),
        'identities/payments/other.yaml': named('other'),
      },
    },
    { name: 'renamedFrom its own name is a no-op', files: { 'identities/payments/app.yaml': renamed('app', 'app') } },
    {
      name: 'org.yaml absent',
      files: {
        'identities/org.yaml': null,
        'identities/payments/app.yaml': IDENTITY,
        'identities/payments/other.yaml': named('other'),
      },
    },
  ],
  bad: [
    {
      name: 'two of three files share a name across team folders',
      files: {
        'identities/payments/app.yaml': IDENTITY,
        'identities/risk/app.yaml': risk,
        'identities/payments/other.yaml': named('other'),
      },
      expect: [
        {
          file: 'identities/payments/app.yaml',
          line: 4,
          column: 9,
          messageId: 'nameShared',
          message: /name "app" is also used by "identities\/risk\/app\.yaml"/,
        },
        {
          file: 'identities/risk/app.yaml',
          line: 4,
          column: 9,
          messageId: 'nameShared',
          message: /name "app" is also used by "identities\/payments\/app\.yaml"/,
        },
      ],
    },
    {
      name: 'a tombstone keeps its name',
      files: {
        'identities/payments/app.yaml': IDENTITY,
        'identities/risk/app.yaml': `${risk}  status: decommissioned\n`,
      },
      expect: [
        { file: 'identities/payments/app.yaml', line: 4, column: 9, messageId: 'nameShared' },
        { file: 'identities/risk/app.yaml', line: 4, column: 9, messageId: 'nameShared' },
      ],
    },
    {
      name: 'a rename onto a name still in use',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/payments/app-v2.yaml': renamed('app-v2', 'app') },
      expect: [
        {
          file: 'identities/payments/app-v2.yaml',
          line: 5,
          column: 16,
          messageId: 'oldNameInUse',
          message: /renamedFrom "app" is still the name of "identities\/payments\/app\.yaml"/,
        },
      ],
    },
    {
      name: 'two renames from the same old name',
      files: {
        'identities/payments/app-a.yaml': renamed('app-a', 'app'),
        'identities/payments/app-b.yaml': renamed('app-b', 'app'),
      },
      expect: [
        {
          file: 'identities/payments/app-a.yaml',
          line: 5,
          column: 16,
          messageId: 'oldNameClaimed',
          message: /renamedFrom "app" is also claimed by "identities\/payments\/app-b\.yaml"/,
        },
        {
          file: 'identities/payments/app-b.yaml',
          line: 5,
          column: 16,
          messageId: 'oldNameClaimed',
          message: /also claimed by "identities\/payments\/app-a\.yaml"/,
        },
      ],
    },
  ],
});

// The schema only admits lower-case names, so these cases cannot reach the rule through a repo;
// the rule still holds its own contract (IAM compares names ignoring case) and stays linear.
describe('name/collision check()', () => {
  const ctx = { org: null, now: 0, orgFile: 'identities/org.yaml' };
  const entry = (file: string, identity: string, renamedFrom?: string) => ({
    file,
    identity,
    value: renamedFrom === undefined ? {} : { renamedFrom },
  });

  it('compares names ignoring case', () => {
    const reports = collision.check(
      [
        entry('a/Deploy-Bot.yaml', 'Deploy-Bot'),
        entry('b/deploy-bot.yaml', 'deploy-bot'),
        entry('c/x.yaml', 'x', 'DEPLOY-BOT'),
      ],
      ctx,
    );
    expect(reports.map((r) => [r.file, r.path.join('.')])).toEqual([
      ['a/Deploy-Bot.yaml', 'metadata.name'],
      ['b/deploy-bot.yaml', 'metadata.name'],
      ['c/x.yaml', 'metadata.renamedFrom'],
    ]);
  });

  it('names a few other files and counts the rest, in linear time', () => {
    const n = 50_000;
    const entries = Array.from({ length: n }, (_, i) => entry(`identities/t${i}/app.yaml`, 'app'));
    const started = performance.now();
    const reports = collision.check(entries, ctx);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(reports).toHaveLength(n);
    expect(messageText(collision, reports[0]!)).toMatch(
      new RegExp(
        String.raw`also used by "identities\/t1\/app\.yaml", "identities\/t2\/app\.yaml", ` +
          String.raw`"identities\/t3\/app\.yaml" and 49996 more`,
      ),
    );
    expect(messageText(collision, reports[n - 1]!)).toMatch(/"identities\/t0\/app\.yaml", .* and 49996 more/);
  });
});
