// attestText: the review is recorded in place — the date and reviewer replaced, or the block added
// after `expires` when the identity was never reviewed; every other byte stays.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/manifest/load.js';
import { attestText } from '../../src/features/review/attest.js';
import { edit } from '../rules/harness.js';
import { fail } from '../../src/common/result.js';

const acme = (f: string) => readFileSync(new URL(`../../examples/acme/identities/${f}`, import.meta.url), 'utf8');
const REVIEW = { lastReviewed: '2026-11-23', reviewer: 'dave@acme.example' };

describe('attestText', () => {
  it('replaces the date and the reviewer of an existing review', () => {
    const before = acme('payments/settlement-reader.yaml');
    expect(attestText(before, REVIEW)).toEqual({
      ok: true,
      text: edit(
        before,
        '    lastReviewed: 2026-10-01\n    reviewer: carol@acme.example\n',
        '    lastReviewed: 2026-11-23\n    reviewer: dave@acme.example\n',
      ),
    });
  });

  it('adds the review block after expires when there is none', () => {
    const before = acme('payments/nightly-recon.yaml');
    const r = attestText(before, REVIEW);
    expect(r).toEqual({
      ok: true,
      text: edit(
        before,
        '  expires: 2026-06-30\n',
        '  expires: 2026-06-30\n  review:\n    lastReviewed: 2026-11-23\n    reviewer: dave@acme.example\n',
      ),
    });
    if (!r.ok) return;
    const loaded = loadText(r.text, { expect: 'MachineIdentity', fast: false });
    expect(loaded.valid).toBe(true);
    expect((loaded.data as { spec: { review: unknown } }).spec.review).toEqual(REVIEW);
  });

  it('a manifest that does not parse is refused', () => {
    expect(attestText('spec: [\n', REVIEW)).toEqual(fail(expect.stringMatching(/does not parse/)));
  });
});
