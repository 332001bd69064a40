// assign() edits a manifest as text: the result is the original file with only the expected lines
// replaced or added — compared whole, so a stray byte anywhere else fails the test.
import { describe, expect, it } from 'vitest';
import { assign } from '../../src/manifest/edit.js';
import { loadText } from '../../src/manifest/load.js';
import { edit } from '../rules/harness.js';
import { fail, messageOf } from '../../src/common/result.js';

/** Comments everywhere, a blank line, quoted and flow values: everything a hand-written file has. */
const MANIFEST =
  `# yaml-language-server: $schema=../../schema/machine-identity.schema.json
# Owned by payments; see the runbook.
apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: app   # keep in sync with the service
spec:
  type: workload
  purpose: Reads settlement files from the bank drop bucket.

  stewardship:
    # the accountable human
    owner: alice@example.com    # since 2025
    successor: 'bob@example.com'
    team: payments
  expires: 2027-05-31 # one year max
  # access below
  access:
    aws: { account: "123456789012", principal: role, trust: { kubernetes: { cluster: prod-eu, namespace: payments, ` +
  `serviceAccount: app } }, permissions: [{ actions: [s3:GetObject], resources: ["arn:aws:s3:::bank-drop/*"] }] }
`;

const owner = (value: string) => ({ path: ['spec', 'stewardship', 'owner'], value });
const review = (date: string, reviewer: string) => [
  { path: ['spec', 'review', 'lastReviewed'], value: date, after: ['expires'] },
  { path: ['spec', 'review', 'reviewer'], value: reviewer, after: ['expires'] },
];

describe('assign', () => {
  it.each([
    [
      'plain value, trailing comment kept',
      MANIFEST,
      [owner('bob@example.com')],
      edit(MANIFEST, '    owner: alice@example.com    # since 2025\n', '    owner: bob@example.com    # since 2025\n'),
    ],
    [
      'single-quoted stays single-quoted',
      MANIFEST,
      [{ path: ['spec', 'stewardship', 'successor'], value: 'carol@example.com' }],
      edit(MANIFEST, "successor: 'bob@example.com'", "successor: 'carol@example.com'"),
    ],
    [
      'double-quoted stays double-quoted',
      edit(MANIFEST, 'owner: alice@example.com', 'owner: "alice@example.com"'),
      [owner('bob@example.com')],
      edit(MANIFEST, 'owner: alice@example.com', 'owner: "bob@example.com"'),
    ],
    [
      'a value inside a flow mapping',
      edit(
        MANIFEST,
        "    owner: alice@example.com    # since 2025\n    successor: 'bob@example.com'\n    team: payments\n",
        '    { owner: alice@example.com, successor: bob@example.com, team: payments }\n',
      ).replace('  stewardship:\n    # the accountable human\n', '  stewardship:\n'),
      [owner('bob@example.com')],
      edit(
        MANIFEST,
        "    owner: alice@example.com    # since 2025\n    successor: 'bob@example.com'\n    team: payments\n",
        '    { owner: bob@example.com, successor: bob@example.com, team: payments }\n',
      ).replace('  stewardship:\n    # the accountable human\n', '  stewardship:\n'),
    ],
    [
      'a missing block is added after expires',
      MANIFEST,
      review('2026-11-23', 'carol@example.com'),
      edit(
        MANIFEST,
        '  expires: 2027-05-31 # one year max\n',
        '  expires: 2027-05-31 # one year max\n  review:\n    lastReviewed: 2026-11-23\n    reviewer: ' +
          'carol@example.com\n',
      ),
    ],
    [
      'an existing block is updated in place',
      edit(
        MANIFEST,
        '  expires: 2027-05-31 # one year max\n',
        '  expires: 2027-05-31 # one year max\n  review:\n    lastReviewed: "2026-01-02"  # Q1\n    ' +
          'reviewer: dave@example.com\n',
      ),
      review('2026-11-23', 'carol@example.com'),
      edit(
        MANIFEST,
        '  expires: 2027-05-31 # one year max\n',
        '  expires: 2027-05-31 # one year max\n  review:\n    lastReviewed: "2026-11-23"  # Q1\n    ' +
          'reviewer: carol@example.com\n',
      ),
    ],
    [
      'four-space indentation is followed',
      MANIFEST.replace(/^( +)/gm, (s) => s + s),
      review('2026-11-23', 'carol@example.com'),
      edit(
        MANIFEST.replace(/^( +)/gm, (s) => s + s),
        '    expires: 2027-05-31 # one year max\n',
        '    expires: 2027-05-31 # one year max\n    review:\n        lastReviewed: 2026-11-23\n        ' +
          'reviewer: carol@example.com\n',
      ),
    ],
    [
      'CRLF line ends stay CRLF',
      MANIFEST.replace(/\n/g, '\r\n'),
      review('2026-11-23', 'carol@example.com'),
      edit(
        MANIFEST,
        '  expires: 2027-05-31 # one year max\n',
        '  expires: 2027-05-31 # one year max\n  review:\n    lastReviewed: 2026-11-23\n    reviewer: ' +
          'carol@example.com\n',
      ).replace(/\n/g, '\r\n'),
    ],
    [
      'without `after`, a missing key goes last',
      'spec:\n  a: 1\n  b:\n    c: 2\n# end',
      [{ path: ['spec', 'z'], value: 'x@example.com' }],
      'spec:\n  a: 1\n  b:\n    c: 2\n  z: x@example.com\n# end',
    ],
    [
      'no newline at the end of the file',
      'spec:\n  a: 1',
      [{ path: ['spec', 'z'], value: 'v' }],
      'spec:\n  a: 1\n  z: v\n',
    ],
    [
      'a value that would not read back as text is quoted',
      'spec:\n  a: x\n',
      [
        { path: ['spec', 'a'], value: '%odd@example.com' },
        { path: ['spec', 'b'], value: '2026' },
      ],
      'spec:\n  a: "%odd@example.com"\n  b: "2026"\n',
    ],
    [
      'a folded block scalar becomes one line, its header comment kept',
      'spec:\n  stewardship:\n    owner: >- # was\n      alice@example.com\n    team: t\n',
      [owner('x@example.com')],
      'spec:\n  stewardship:\n    owner: x@example.com # was\n    team: t\n',
    ],
    [
      'a literal block scalar in a CRLF file, at the end',
      'spec:\r\n  stewardship:\r\n    owner: |\r\n      alice@example.com\r\n',
      [owner('x@example.com')],
      'spec:\r\n  stewardship:\r\n    owner: x@example.com\r\n',
    ],
    [
      'a key added to a flow mapping',
      'spec: { a: 1 }  # c\n',
      [{ path: ['spec', 'b'], value: 'x' }],
      'spec: { a: 1, b: x }  # c\n',
    ],
    ['a key added to an empty flow mapping', 'spec: {}\n', [{ path: ['spec', 'b'], value: 'x' }], 'spec: {b: x}\n'],
    [
      'a missing block added inside a flow mapping',
      'spec: { a: 1 }\n',
      review('2026-11-23', 'carol@example.com'),
      'spec: { a: 1, review: { lastReviewed: 2026-11-23, reviewer: carol@example.com } }\n',
    ],
  ])('%s', (_name, before, sets, after) => {
    expect(assign(before, sets)).toEqual({ ok: true, text: after });
  });

  it('the attested manifest still loads with the recorded review', () => {
    const r = assign(MANIFEST, review('2026-11-23', 'carol@example.com'));
    if (!r.ok) throw new Error(messageOf(r));
    const loaded = loadText(r.text, { expect: 'MachineIdentity', fast: false });
    expect(loaded.valid).toBe(true);
    expect((loaded.data as { spec: { review: unknown } }).spec.review).toEqual({
      lastReviewed: '2026-11-23',
      reviewer: 'carol@example.com',
    });
  });

  it.each([
    ['does not parse', 'spec: [\n', [owner('x@example.com')], /does not parse/],
    ['not a mapping', '- a\n', [owner('x@example.com')], /not a block mapping/],
    [
      'an alias is left to a person',
      'x: &a alice@example.com\nspec:\n  stewardship:\n    owner: *a\n',
      [owner('x@example.com')],
      /not a single value/,
    ],
    ['a scalar where a mapping should be', 'spec:\n  stewardship: none\n', [owner('x@example.com')], /not a mapping/],
  ])('refuses: %s', (_name, text, sets, message) => {
    expect(assign(text, sets)).toEqual(fail(expect.stringMatching(message)));
  });
});
