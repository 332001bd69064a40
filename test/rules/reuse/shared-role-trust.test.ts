import { describe, expect, it } from 'vitest';
import sharedRoleTrust from '../../../src/rules/reuse/shared-role-trust.js';
import { messageText } from '../../../src/rules/types.js';
import { edit, IDENTITY, ruleTable } from '../harness.js';
import { named, p, r, tombstone, toRisk, TRUST } from './fixture.js';

/** An identity named `name` whose role trusts GitHub with the given flow-mapping fields. */
const github = (name: string, fields: string) => edit(named(name), TRUST, `github: { repository: ${fields} }`);

ruleTable('reuse/shared-role-trust', {
  good: [
    {
      name: 'one role per environment of a repository',
      files: {
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [r('plan')]: toRisk(github('plan', 'acme/shop, environment: plan')),
      },
    },
    {
      name: 'an environment, a ref and pull requests are different subjects',
      files: {
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [p('release')]: github('release', 'acme/shop, ref: refs/heads/main'),
        [p('plan')]: github('plan', 'acme/shop, pullRequest: true'),
      },
    },
    {
      name: 'the same environment in another repository',
      files: {
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [r('deploy2')]: toRisk(github('deploy2', 'acme/risk, environment: production')),
      },
    },
    {
      name: 'refs compare case-sensitively',
      files: {
        [p('deploy')]: github('deploy', 'acme/shop, ref: refs/heads/main'),
        [p('deploy2')]: github('deploy2', 'acme/shop, ref: refs/heads/Main'),
      },
    },
    {
      name: 'an unpinned trust alone on its repository',
      files: { [p('deploy')]: github('deploy', 'acme/shop'), [p('app')]: IDENTITY },
    },
    {
      name: "kubernetes trusts are reuse/shared-service-account's",
      files: { [p('app')]: IDENTITY, [p('other')]: edit(IDENTITY, '  name: app\n', '  name: other\n') },
    },
    {
      name: 'a tombstone no longer has a role',
      files: {
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [r('old')]: tombstone(toRisk(github('old', 'acme/shop, environment: production'))),
      },
    },
  ],
  bad: [
    {
      name: 'two roles pinned to one environment, across team folders',
      files: {
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [r('deploy2')]: toRisk(github('deploy2', 'acme/shop, environment: production')),
      },
      expect: [
        {
          file: p('deploy'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: new RegExp(
            String.raw`^role trust admits the subject "environment:production" of "acme\/shop", as does the ` +
              String.raw`role of "identities\/risk\/deploy2\.yaml"; pin each role to a subject of its own$`,
          ),
        },
        {
          file: r('deploy2'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: /as does the role of "identities\/payments\/deploy\.yaml";/,
        },
      ],
    },
    {
      name: 'repositories and environments compare case-insensitively',
      files: {
        [p('deploy')]: github('deploy', 'Acme/Shop, environment: Production'),
        [p('deploy2')]: github('deploy2', 'acme/shop, environment: production'),
      },
      expect: [
        { file: p('deploy'), line: 21, column: 31, messageId: 'sharedTrust' },
        { file: p('deploy2'), line: 21, column: 31, messageId: 'sharedTrust' },
      ],
    },
    {
      name: 'an unpinned role overlaps every pinned one; pinned ones overlap only through it',
      files: {
        [p('any')]: github('any', 'acme/shop'),
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [r('plan')]: toRisk(github('plan', 'acme/shop, pullRequest: true')),
      },
      expect: [
        {
          file: p('any'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: new RegExp(
            String.raw`^role trust admits any workflow of "acme\/shop", as does the role of ` +
              String.raw`"identities\/payments\/deploy\.yaml", "identities\/risk\/plan\.yaml";`,
          ),
        },
        {
          file: p('deploy'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: /"environment:production" of "acme\/shop", as does the role of "identities\/payments\/any\.yaml";/,
        },
        {
          file: r('plan'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: /"pull_request" of "acme\/shop", as does the role of "identities\/payments\/any\.yaml";/,
        },
      ],
    },
    {
      name: 'pullRequest: false pins nothing',
      files: {
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [p('other')]: github('other', 'acme/shop, pullRequest: false'),
      },
      expect: [
        { file: p('deploy'), line: 21, column: 31, messageId: 'sharedTrust' },
        { file: p('other'), line: 21, column: 31, messageId: 'sharedTrust', message: /admits any workflow/ },
      ],
    },
    {
      name: 'a role admitting several subjects overlaps each, counted once',
      files: {
        [p('wide')]: github('wide', 'acme/shop, environment: production, ref: refs/heads/main'),
        [p('deploy')]: github('deploy', 'acme/shop, environment: production'),
        [p('release')]: github('release', 'acme/shop, ref: refs/heads/main, environment: production'),
        [p('plan')]: github('plan', 'acme/shop, pullRequest: true'),
      },
      expect: [
        {
          file: p('deploy'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: /as does the role of "identities\/payments\/release\.yaml", "identities\/payments\/wide\.yaml";/,
        },
        {
          file: p('release'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: new RegExp(
            String.raw`the subject "environment:production" or "ref:refs\/heads\/main" of "acme\/shop", as ` +
              String.raw`does the role of "identities\/payments\/deploy\.yaml", ` +
              String.raw`"identities\/payments\/wide\.yaml";`,
          ),
        },
        {
          file: p('wide'),
          line: 21,
          column: 31,
          messageId: 'sharedTrust',
          message: /as does the role of "identities\/payments\/deploy\.yaml", "identities\/payments\/release\.yaml";/,
        },
      ],
    },
  ],
});

describe('reuse/shared-role-trust check()', () => {
  const ctx = { org: null, now: 0, orgFile: 'identities/org.yaml' };
  const entry = (i: number, subjects: string[]) => ({
    file: `identities/t${i}/x${i}.yaml`,
    identity: `x${i}`,
    value: { repository: 'acme/shop', subjects },
  });

  it('counts overlapping roles exactly, each once, in linear time', () => {
    const n = 30_000;
    // A third pin production, a third pin production and main, a third pin main; two are unpinned.
    const entries = Array.from({ length: n }, (_, i) =>
      entry(
        i,
        i % 3 === 0
          ? ['environment:production']
          : i % 3 === 1
            ? ['environment:production', 'ref:refs/heads/main']
            : ['ref:refs/heads/main'],
      ),
    );
    entries.push(entry(n, []), entry(n + 1, []));
    const started = performance.now();
    const reports = sharedRoleTrust.check(entries, ctx);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(reports).toHaveLength(n + 2);
    // x0 (production) overlaps the other 19,999 production pins and the two unpinned roles: 20,001, three named.
    expect(messageText(sharedRoleTrust, reports[0]!)).toMatch(
      new RegExp(
        String.raw`as does the role of "identities\/t30000\/x30000\.yaml", "identities\/t30001\/x30001\.yaml", ` +
          String.raw`"identities\/t1\/x1\.yaml" and 19998 more;`,
      ),
    );
    // x1 (both) overlaps every other role.
    expect(messageText(sharedRoleTrust, reports[1]!)).toMatch(/ and 29998 more;/);
    expect(messageText(sharedRoleTrust, reports[n]!)).toMatch(/admits any workflow .* and 29998 more;/);
  });
});
