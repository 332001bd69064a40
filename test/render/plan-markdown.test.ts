// The PR comment: a golden file, the injection checks of THREATS.md item 72 through a real
// Markdown renderer, and the 65,536-character budget.
// `UPDATE=1 npx vitest run --config test/vitest.config.ts test/render` rewrites the golden file.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { COMMENT_LIMIT, PLAN_MARKER, renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { checkSafe, flatten, HOSTILE } from './markdown-safety.js';
import { bigPlan, emptyPlan, finding, hostilePlan, representativePlan, simplePatterns } from './plan-fixtures.js';

const golden = fileURLToPath(new URL('../fixtures/render/plan.md', import.meta.url));
// html: GitHub passes some HTML through, so the test must see any HTML a value could smuggle in.
const md = new MarkdownIt({ html: true, linkify: true });

describe('golden', () => {
  it('renders the representative plan as test/fixtures/render/plan.md', () => {
    const out = renderPlanMarkdown(representativePlan());
    if (process.env.UPDATE || !existsSync(golden)) writeFileSync(golden, out);
    expect(out).toBe(readFileSync(golden, 'utf8'));
  });

  it('starts with the sticky marker', () => {
    expect(renderPlanMarkdown(emptyPlan()).split('\n')[0]).toBe(PLAN_MARKER);
    expect(PLAN_MARKER).toBe('<!-- idac-plan -->');
  });

  it('says so when nothing changes, and names the working tree', () => {
    const plan = { ...emptyPlan(), headSha: null };
    expect(renderPlanMarkdown(plan)).toBe(
      [
        PLAN_MARKER,
        '### idac plan',
        '',
        'base `3f2a9c1` → head the working tree · at 2026-11-23T09:00:00Z',
        '',
        '- **Identities:** 0 added · 0 changed · 0 removed · 0 renamed',
        '- **Access:** +0 grants gained · −0 lost',
        '- **Resources:** 0 to create · 0 to update · 0 to replace · 0 to delete',
        '- **Due within `7d`:** 0',
        '- **New static credentials:** 0',
        '- **Findings:** 0 errors · 0 warnings · 0 info',
        '',
        'No changes: identities, access and cloud resources match the base revision.',
        '',
      ].join('\n'),
    );
  });
});

describe('escaping (THREATS.md item 72, OUT-MARKDOWN)', () => {
  it.each(HOSTILE.map((h) => [h]))('a hostile %j in every manifest-derived field injects nothing', (value) => {
    const out = renderPlanMarkdown(hostilePlan(value));
    checkSafe(out);
    // The conditions of the AWS grant are shown too, inside code like the rest.
    expect(out).toMatch(/ only when <code>|only when `/);
    // Escaped, not dropped: the value is still there for the reviewer, in code.
    const inCode = flatten(md.parse(out, {}))
      .filter((t) => t.type === 'code_inline' || t.type === 'fence')
      .map((t) => t.content)
      .join('\n');
    expect(inCode).toContain(value.replace(/\n/g, '\\n').replace(/\u202e/g, '\\u202e'));
  });

  it('all of them at once', () => {
    checkSafe(renderPlanMarkdown(hostilePlan(HOSTILE.join(' '))));
  });

  it('puts a name in the <summary> entity-escaped inside <code>', () => {
    const out = renderPlanMarkdown(hostilePlan('</summary><img src=x> @x '));
    expect(out).toContain('<details><summary><code>&lt;/summary&gt;&lt;img src=x&gt; &#64;x a</code> · added');
  });

  it('caps each value at 200 characters', () => {
    const plan = emptyPlan();
    plan.access.gained = [{ identity: 'x', target: 'aws', grant: `s3:GetObject on arn:aws:s3:::${'b'.repeat(1000)}` }];
    plan.access.patterns = simplePatterns(plan.access.gained, []);
    const out = renderPlanMarkdown(plan);
    expect(out).toContain(`  - aws \`s3:GetObject on arn:aws:s3:::${'b'.repeat(200 - 29)}…\`\n`);
    expect(out).not.toContain('b'.repeat(201));
  });
});

describe('summary', () => {
  it('lists who can newly or no longer become an identity first, not again as a privilege increase', () => {
    const out = renderPlanMarkdown(representativePlan());
    const lines = out.split('\n');
    const at = lines.indexOf('#### Who can become an identity: 3 changes');
    expect(lines.slice(at + 2, at + 5)).toEqual([
      '- ➕ `kubernetes service account prod-eu/payments/fraud-scorer` **can now become** `fraud-scorer`',
      '- ➕ `oidc gitlab project_path:acme/ledger:ref_type:branch:ref:main` **can now become** `settlement-reader`',
      '- ➖ `vault kubernetes service account prod-eu/support/support-assistant` **can no longer become** ' +
        '`support-assistant`',
    ]);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(lines.indexOf('#### Privilege increases: 2 identities'));
    expect(lines).toContain('- `fraud-scorer` gains aws +1 · kubernetes +1');
    expect(lines.filter((l) => l.startsWith('  - assume'))).toEqual([]);
  });

  it('an identity that gains only a trust is no privilege increase of its own', () => {
    const plan = emptyPlan();
    plan.access.gained = [{ identity: 'ci', target: 'assume', grant: 'oidc gitlab p:1 can become ci' }];
    plan.access.patterns = simplePatterns(plan.access.gained, []);
    const out = renderPlanMarkdown(plan);
    expect(out).toContain('- ➕ `oidc gitlab p:1` **can now become** `ci`\n');
    expect(out).not.toContain('Privilege increases');
    expect(out).toContain('+ assume     oidc gitlab p:1 can become ci\n');
  });

  it('lists findings errors first', () => {
    const plan = emptyPlan();
    plan.findings = [
      finding({ severity: 'info', rule: 'a/info', file: 'a.yaml', message: 'i' }),
      finding({ severity: 'warning', rule: 'a/warn', file: 'a.yaml', message: 'w' }),
      finding({ severity: 'error', rule: 'z/err', file: 'z.yaml', line: 3, message: 'e' }),
    ];
    const out = renderPlanMarkdown(plan);
    expect(out).toContain(
      [
        '#### Findings: 3 findings',
        '',
        '- **error** `z/err` at `z.yaml:3`: `e`',
        '- **warning** `a/warn` at `a.yaml:1`: `w`',
        '- **info** `a/info` at `a.yaml:1`: `i`',
        '',
      ].join('\n'),
    );
    expect(out).toContain('- **Findings:** 1 error · 1 warning · 1 info\n');
  });

  it.each([
    [{ count: 10, limit: 10, allowed: 0 }, null],
    [
      { count: 11, limit: 10, allowed: 0 },
      '> **Deletion guard:** 11 identities would be deleted, over the limit of 10. A security owner must ' +
        'approve; then plan again with `--allow-deletions 11`.',
    ],
    [
      { count: 11, limit: 10, allowed: 5 },
      '> **Deletion guard:** 11 identities would be deleted, over the limit of 10. A security owner must ' +
        'approve; then plan again with `--allow-deletions 11`.',
    ],
    [
      { count: 11, limit: 10, allowed: 11 },
      'Deletion guard: 11 identities deleted, over the limit of 10; allowed by `--allow-deletions 11`.',
    ],
  ])('deletion guard %j', (deletions, line) => {
    const plan = { ...emptyPlan(), deletions };
    const out = renderPlanMarkdown(plan);
    if (line === null) expect(out).not.toContain('Deletion guard');
    else expect(out).toContain(`#### Deletions\n\n${line.startsWith('>') ? '> [!CAUTION]\n' : ''}${line}\n`);
  });
});

function countsOf(out: string): string[] {
  return out.split('\n').filter((l) => l.startsWith('- **'));
}

describe('budget', () => {
  it('keeps a 3,000-identity change under 65,536 characters with the summary intact', () => {
    const plan = bigPlan(3000);
    const out = renderPlanMarkdown(plan);
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(out.length).toBeGreaterThan(COMMENT_LIMIT - 2000);
    expect(countsOf(out)).toEqual([
      '- **Identities:** 3000 added · 0 changed · 0 removed · 0 renamed',
      '- **Access:** +9000 grants gained · −0 lost',
      '- **Resources:** 6000 to create · 0 to update · 0 to replace · 0 to delete',
      '- **Due within `7d`:** 0',
      '- **New static credentials:** 0',
      '- **Findings:** 0 errors · 0 warnings · 0 info',
    ]);
    expect(out).toContain('#### Privilege increases: 3000 identities\n');
    const listed = out.split('\n').filter((l) => /^- `service-\d{5}` gains aws \+3$/.test(l)).length;
    const more = Number(/^- … and (\d+) more not shown \(full plan: `idac plan --format json`\)$/m.exec(out)?.[1]);
    expect(listed).toBeGreaterThan(100);
    expect(listed + more).toBe(3000);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(
      /^\*\*\d+ more identities not shown\*\* \(full plan: `idac plan --format json`\)$/,
    );
    checkSafe(out);
  });

  it.each([4096, 5000, 10_000, 30_000, 65_536])('never exceeds a limit of %i', (limit) => {
    for (const plan of [bigPlan(300, 40), representativePlan(), hostilePlan(HOSTILE.join(' ')), manyFindings(500)]) {
      const out = renderPlanMarkdown(plan, { limit });
      expect(out.length).toBeLessThanOrEqual(limit);
      expect(countsOf(out).slice(0, 6)).toEqual(countsOf(renderPlanMarkdown(plan, { limit: 1_000_000 })).slice(0, 6));
    }
  });

  it('never exceeds the limit and never changes the counts, for any plan and limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 4096, max: 70_000 }),
        (identities, grants, findings, deletes, limit) => {
          const plan = bigPlan(identities, grants);
          plan.findings = manyFindings(findings).findings;
          plan.resources.delete = Array.from({ length: deletes }, (_, i) => ({
            type: 'aws:iam/role:Role',
            name: `gone-${i}.aws.role`,
            identity: `gone-${i}`,
            team: 'data',
          }));
          plan.deletions = { count: deletes, limit: 10, allowed: 0 };
          const out = renderPlanMarkdown(plan, { limit });
          expect(out.length).toBeLessThanOrEqual(limit);
          expect(countsOf(out).slice(0, 6)).toEqual(
            countsOf(renderPlanMarkdown(plan, { limit: 10_000_000 })).slice(0, 6),
          );
          if (deletes > 10) expect(out).toContain(`> **Deletion guard:** ${deletes} identities would be deleted`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a limit the counts may not fit in', () => {
    expect(() => renderPlanMarkdown(emptyPlan(), { limit: 1000 })).toThrow(RangeError);
  });

  it('cuts nothing when everything fits', () => {
    const out = renderPlanMarkdown(representativePlan());
    expect(out).not.toContain('not shown');
    // One per identity, and one per condensed pattern (settlement-reader's two s3:Get*).
    expect(out.match(/<details>/g)).toHaveLength(11);
  });

  it('lets a long list not crowd out a short one', () => {
    const plan = manyFindings(2000);
    plan.resources.delete = [{ type: 'aws:iam/role:Role', name: 'gone.aws.role', identity: 'gone', team: 'data' }];
    plan.newStaticCredentials = [{ identity: 'keyed', kind: 'vault-secret-id' }];
    const out = renderPlanMarkdown(plan, { limit: 8000 });
    expect(out).toContain('#### Deletions\n\n- delete `aws:iam/role:Role` `gone.aws.role` of `gone`\n');
    expect(out).toContain(
      '#### New static credentials\n\n- `keyed` gets `vault-secret-id`: a long-lived secret to rotate and guard\n',
    );
    expect(out).toMatch(/^- \*\*error\*\* `aws\/no-wildcard-action` at `identities\/payments\/f-0000\.yaml:1`/m);
    expect(out).toMatch(/^- … and \d+ more not shown \(full plan: `idac plan --format json`\)$/m);
    expect(out.length).toBeLessThanOrEqual(8000);
  });

  it('lists the grants behind a privilege increase while they fit, then says how many more', () => {
    const out = renderPlanMarkdown(bigPlan(2, 400), { limit: 20_000 });
    expect(out).toContain(
      '- `service-00000` gains aws +400\n  - aws `s3:GetObject on arn:aws:s3:::bucket-service-00000/prefix-0/*`\n',
    );
    expect(out).toMatch(/^ {2}- … and \d+ more$/m);
    expect(out).toContain('\n- `service-00001` gains aws +400\n');
  });

  it('shrinks a section that does not fit whole', () => {
    const out = renderPlanMarkdown(bigPlan(1, 2000), { limit: 8000 });
    expect(out).toContain(
      '<details><summary><code>service-00000</code> · added · access +2000 −0 · 2 resource changes</summary>',
    );
    expect(out).toContain('```\n… and 1995 more\n');
    expect(out).not.toContain('not shown**');
  });
});

/** One identity gaining `s3:*` on one bucket, expanded to `n` exact grants, beside findings and a deletion. */
function widePlan(n: number, findings = 40): Plan {
  const plan = manyFindings(findings);
  const grants = Array.from(
    { length: n },
    (_, i) => `s3:Action${String(i).padStart(4, '0')} on arn:aws:s3:::wide-bucket`,
  );
  plan.identities.changed = [
    {
      name: 'wide',
      changes: [{ path: 'spec.access.aws.permissions[0].actions', before: ['s3:GetObject'], after: ['s3:*'] }],
    },
  ];
  plan.access.gained = grants.map((grant) => ({ identity: 'wide', target: 'aws', grant }));
  plan.access.patterns = [
    {
      identity: 'wide',
      target: 'aws',
      pattern: 's3:*',
      resource: 'arn:aws:s3:::wide-bucket',
      count: n,
      total: n,
      change: 'gained',
      grants,
    },
  ];
  plan.resources.delete = [{ type: 'aws:iam/role:Role', name: 'gone.aws.role', identity: 'gone', team: 'data' }];
  return plan;
}

/** Everything before the per-identity sections: the summary that must never be cut for an expansion. */
function summaryOf(out: string): string {
  return out.slice(0, out.indexOf('<details>'));
}

describe('condensed access patterns', () => {
  it('shows one line per pattern, and its exact grants collapsed when they fit', () => {
    const out = renderPlanMarkdown(widePlan(30));
    expect(out).toContain('- `wide` gains aws +30\n  - aws `s3:*` → 30 actions on `arn:aws:s3:::wide-bucket`\n');
    expect(out).toContain(
      '```diff\n+ aws        s3:* → 30 actions on arn:aws:s3:::wide-bucket\n```\n\n<details><summary>+ ' +
        '<code>s3:*</code> on <code>arn:aws:s3:::wide-bucket</code>: 30 exact grants</summary>\n\n```diff\n+ ' +
        'aws        s3:Action0000 on arn:aws:s3:::wide-bucket\n',
    );
    expect(out).toContain('+ aws        s3:Action0029 on arn:aws:s3:::wide-bucket\n```\n\n</details>\n');
    expect(out).not.toContain('not listed');
    checkSafe(out);
  });

  it('cuts the exact grants first: the summary and the sections stay as they are without them', () => {
    for (const limit of [4096, 10_000, 30_000, 65_536]) {
      const small = renderPlanMarkdown(widePlan(2), { limit });
      const huge = renderPlanMarkdown(widePlan(5000), { limit });
      expect(huge.length).toBeLessThanOrEqual(limit);
      // The counts differ (2 vs 5000 grants); everything else above the sections is the same.
      expect(summaryOf(huge).replaceAll('5000', 'N')).toBe(
        summaryOf(small)
          .replaceAll(/\b2 actions\b/g, 'N actions')
          .replace('+2 grants', '+N grants')
          .replace('aws +2', 'aws +N'),
      );
      expect(huge).toContain('#### Deletions\n\n- delete `aws:iam/role:Role` `gone.aws.role` of `gone`\n');
      expect(huge).toMatch(/^- \*\*error\*\* `aws\/no-wildcard-action` at `identities\/payments\/f-0000\.yaml:1`/m);
      expect(huge).not.toContain('s3:Action0000');
      if (huge.includes('<details><summary><code>wide</code>'))
        expect(huge).toContain(
          '\nThe exact grants behind some condensed patterns are not listed (full plan: `idac plan --format json`)\n',
        );
    }
    expect(renderPlanMarkdown(widePlan(5000))).toContain(
      '<details><summary><code>wide</code> · changed · access +5000 −0</summary>',
    );
  });
});

function manyFindings(n: number): Plan {
  const plan = emptyPlan();
  plan.findings = Array.from({ length: n }, (_, i) =>
    finding({
      file: `identities/payments/f-${String(i).padStart(4, '0')}.yaml`,
      message: `finding number ${i} ${'z'.repeat(60)}`,
    }),
  );
  return plan;
}
