// The terminal plan: a golden file, colour only when asked, and no control character from a
// manifest reaching the terminal. `UPDATE=1 npx vitest run --config test/vitest.config.ts test/render`
// rewrites the golden file.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/plan-text.js';
import { bigPlan, emptyPlan, hostilePlan, representativePlan } from './plan-fixtures.js';

const golden = fileURLToPath(new URL('../fixtures/render/plan.txt', import.meta.url));
const OWN_SGR = /\u001b\[(0|1|2|31|32|33|35|36)m/g;

describe('renderPlanText', () => {
  it('renders the representative plan as test/fixtures/render/plan.txt', () => {
    const out = renderPlanText(representativePlan(), { color: false });
    if (process.env.UPDATE || !existsSync(golden)) writeFileSync(golden, out);
    expect(out).toBe(readFileSync(golden, 'utf8'));
  });

  it('colours the same text only when asked', () => {
    const coloured = renderPlanText(representativePlan(), { color: true });
    expect(coloured).toContain('\u001b[32m+\u001b[0m \u001b[1mfraud-scorer\u001b[0m');
    expect(coloured).toContain('\u001b[35m-/+ replace\u001b[0m');
    expect(coloured.replace(OWN_SGR, '')).toBe(renderPlanText(representativePlan(), { color: false }));
    expect(renderPlanText(representativePlan(), { color: false })).not.toContain('\u001b');
  });

  it('says so when nothing changes', () => {
    expect(renderPlanText({ ...emptyPlan(), headSha: null }, { color: false })).toBe(
      [
        'idac plan: base main (3f2a9c1) → head the working tree',
        'at 2026-11-23T09:00:00Z, due within 7d',
        '',
        'No changes: identities, access and cloud resources match the base revision.',
        '',
        'Plan: 0 to create, 0 to update, 0 to replace, 0 to delete. Access: +0 −0.',
        '',
      ].join('\n'),
    );
  });

  it('shows who can newly or no longer become an identity before any identity block', () => {
    const lines = renderPlanText(representativePlan(), { color: false }).split('\n');
    const at = lines.indexOf('Who can become an identity: 3 changes');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '    + kubernetes service account prod-eu/payments/fraud-scorer can now become fraud-scorer',
      '    + oidc gitlab project_path:acme/ledger:ref_type:branch:ref:main can now become settlement-reader',
      '    - vault kubernetes service account prod-eu/support/support-assistant can no longer become support-assistant',
    ]);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(lines.indexOf('! edge-gateway (not planned)'));
    expect(renderPlanText(emptyPlan(), { color: false })).not.toContain('Who can become');
  });

  it('ends with the summary line', () => {
    const out = renderPlanText(bigPlan(3, 2), { color: false });
    expect(out.endsWith('\nPlan: 6 to create, 0 to update, 0 to replace, 0 to delete. Access: +6 −0.\n')).toBe(true);
  });

  it.each([
    [
      { count: 11, limit: 10, allowed: 0 },
      '✖ deletion guard: 11 identities would be deleted, over the limit of 10; once a security owner ' +
        'approves, plan again with --allow-deletions 11.',
    ],
    [
      { count: 11, limit: 10, allowed: 12 },
      '! deletion guard: 11 identities deleted, over the limit of 10; allowed by --allow-deletions 12.',
    ],
  ])('deletion guard %j', (deletions, line) => {
    expect(renderPlanText({ ...emptyPlan(), deletions }, { color: false }).split('\n')).toContain(line);
  });

  it.each([['\u001b]0;pwned\u0007\u001b[2J'], ['a\nb\r\n+ fake line'], ['\u202eevil\u2066'], ['\u009b31m']])(
    'no control character of %j reaches the terminal',
    (value) => {
      for (const color of [false, true]) {
        const out = renderPlanText(hostilePlan(value), { color });
        const plain = out.replace(OWN_SGR, '');
        expect(plain).not.toMatch(
          /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/,
        );
        // A newline in a value never starts a line of its own.
        expect(plain.split('\n').filter((l) => l.startsWith('b') || l.startsWith('+ fake'))).toEqual([]);
      }
    },
  );
});
