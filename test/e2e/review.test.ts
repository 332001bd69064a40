// idac review through the built CLI: what is due per owner, and `review attest` recording a review
// in place (whole files compared), including a manifest that had no review block, and the refusals.
import { describe, expect, it } from 'vitest';
import { edit } from '../rules/harness.js';
import { ACME, acmeCopy, read } from './acme.js';
import { idac, STACK_TRACE } from './cli.js';

const NOW = '2026-11-23';
const READER = 'identities/payments/settlement-reader.yaml';
const RECON = 'identities/payments/nightly-recon.yaml';

describe('idac review (built CLI)', () => {
  it('lists the reviews due within --due per owner; exit 1 once one is overdue', () => {
    const r = idac(['review', '--dir', ACME, '--now', '2026-12-20', '--due', '60d', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      now: '2026-12-20T00:00:00Z',
      within: '60d',
      reviewEvery: '180d',
      owners: [
        {
          owner: 'frank@acme.example',
          reviews: [
            {
              identity: 'release-bot',
              file: 'identities/platform/release-bot.yaml',
              team: 'platform',
              lastReviewed: '2026-08-20',
              reviewer: 'erin@acme.example',
              due: '2027-02-16',
              state: 'due',
            },
          ],
        },
        {
          owner: 'heidi@acme.example',
          reviews: [
            {
              identity: 'report-exporter',
              file: 'identities/data/report-exporter.yaml',
              team: 'data',
              lastReviewed: '2026-07-01',
              reviewer: 'judy@acme.example',
              due: '2026-12-28',
              state: 'due',
            },
          ],
        },
      ],
    });
    const late = idac(['review', '--dir', ACME, '--now', '2027-01-02', '--owner', 'HEIDI@acme.example', '--due', '0d']);
    expect(late.code).toBe(1);
    expect(late.stdout).toBe(
      [
        'heidi@acme.example',
        '  report-exporter              OVERDUE since 2026-12-28, last reviewed 2026-07-01 by ' +
          'judy@acme.example  (identities/data/report-exporter.yaml)',
        '',
        '1 access review due within 0d (1 overdue) for 1 owner. After reviewing, record it: idac review ' +
          'attest NAME --reviewer EMAIL',
        '',
      ].join('\n'),
    );
    const none = idac(['review', '--dir', ACME, '--now', NOW]);
    expect(none).toEqual({
      code: 0,
      stdout: 'No access review falls due within 30d (reviews every 180d).\n',
      stderr: '',
    });
  });

  it('attest updates an existing review in place and prints the diff; validate stays clean', () => {
    const dir = acmeCopy();
    const before = read(dir, READER);
    const r = idac([
      'review',
      'attest',
      'settlement-reader',
      '--reviewer',
      'dave@acme.example',
      '--dir',
      dir,
      '--now',
      '2026-11-23T15:00:00Z',
    ]);
    expect(r.code).toBe(0);
    expect(read(dir, READER)).toBe(
      edit(
        before,
        '    lastReviewed: 2026-10-01\n    reviewer: carol@acme.example\n',
        '    lastReviewed: 2026-11-23\n    reviewer: dave@acme.example\n',
      ),
    );
    expect(r.stdout).toBe(
      [
        `--- a/${READER}\t`,
        `+++ b/${READER}\t`,
        '@@ -18,4 +18,4 @@',
        '   review:',
        '-    lastReviewed: 2026-10-01',
        '-    reviewer: carol@acme.example',
        '+    lastReviewed: 2026-11-23',
        '+    reviewer: dave@acme.example',
        '   status: active',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      `idac: ${READER}: review recorded (2026-11-23 by dave@acme.example). Commit it and open a pull request.\n`,
    );
    expect(idac(['validate', '--dir', dir, '--now', NOW]).code).toBe(0);
  });

  it('attest adds the review block when the identity has none (JSON)', () => {
    const dir = acmeCopy();
    const before = read(dir, RECON);
    const r = idac([
      'review',
      'attest',
      'nightly-recon',
      '--reviewer',
      'bob@acme.example',
      '--dir',
      dir,
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(read(dir, RECON)).toBe(
      edit(
        before,
        '  expires: 2026-06-30\n',
        '  expires: 2026-06-30\n  review:\n    lastReviewed: 2026-11-23\n    reviewer: bob@acme.example\n',
      ),
    );
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({
      identity: 'nightly-recon',
      file: RECON,
      lastReviewed: '2026-11-23',
      reviewer: 'bob@acme.example',
      diff: expect.stringContaining('+  review:\n+    lastReviewed: 2026-11-23\n+    reviewer: bob@acme.example\n'),
    });
  });

  it.each([
    [
      'the reviewer owns the identity',
      ['review', 'attest', 'settlement-reader', '--reviewer', 'Alice@acme.example'],
      /alice@acme\.example owns settlement-reader; the review must be done by someone else/i,
    ],
    [
      'a reviewer org.yaml does not name',
      ['review', 'attest', 'settlement-reader', '--reviewer', 'mallory@evil.example'],
      /neither a team member nor a security owner/,
    ],
    [
      'an unknown identity',
      ['review', 'attest', 'no-such-identity', '--reviewer', 'dave@acme.example'],
      /no identity no-such-identity under identities\//,
    ],
    [
      'not an identity name',
      ['review', 'attest', '../org', '--reviewer', 'dave@acme.example'],
      /is not an identity name/,
    ],
    ['no reviewer', ['review', 'attest', 'settlement-reader'], /--reviewer EMAIL is required/],
    [
      'a bad reviewer e-mail',
      ['review', 'attest', 'settlement-reader', '--reviewer', 'dave'],
      /--reviewer "dave" is not an e-mail address/,
    ],
    ['an unknown verb', ['review', 'approve', 'settlement-reader'], /unknown review command "approve"/],
    ['a bad --due', ['review', '--due', '1w'], /--due "1w" is not a duration/],
    ['a bad --owner', ['review', '--owner', 'bob'], /--owner "bob" is not an e-mail address/],
  ])('exit 2, nothing written: %s', (_name, args, message) => {
    const dir = acmeCopy();
    const before = read(dir, READER);
    const r = idac([...args, '--dir', dir, '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe('');
    expect(read(dir, READER)).toBe(before);
  });
});
