// The IAM credential report → access keys: both slots of each user, active or not, the root row left
// out, base64 (as get-credential-report returns it) or decoded; a file that is not the report is named.

import { describe, expect, it } from 'vitest';
import { messageOf } from '../../../../src/common/result.js';
import { parseCredentialReport } from '../../../../src/features/estate/read/aws-credential-report.js';

const KEY_COLUMNS = ['active', 'last_rotated', 'last_used_date', 'last_used_region', 'last_used_service'];
const HEADER = [
  ...['user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed'],
  ...['password_next_rotation', 'mfa_active'],
  ...KEY_COLUMNS.map((c) => `access_key_1_${c}`),
  ...KEY_COLUMNS.map((c) => `access_key_2_${c}`),
  ...['cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated'],
].join(',');

/** One row: user, arn, created, password enabled; no password use or MFA; both key slots; no certificates. */
const row = (user: string[], key1: string[], key2: string[]): string =>
  [...user, 'N/A', 'N/A', 'N/A', 'false', ...key1, ...key2, 'false', 'N/A', 'false', 'N/A'].join(',');
const NO_KEY = ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
const U = 'arn:aws:iam::111122223333:user';

const REPORT = [
  HEADER,
  row(
    ['<root_account>', 'arn:aws:iam::111122223333:root', '2020-01-01T00:00:00+00:00', 'not_supported'],
    ['true', '2020-01-01T00:00:00+00:00', '2026-11-01T00:00:00+00:00', 'us-east-1', 'iam'],
    NO_KEY,
  ),
  row(
    ['ci-legacy', `${U}/ci-legacy`, '2023-11-14T12:00:00+00:00', 'false'],
    ['true', '2024-02-01T08:00:00+00:00', '2026-12-01T10:11:00+00:00', 'eu-west-1', 'ecr'],
    ['false', '2023-11-14T12:05:00+00:00', 'N/A', 'N/A', 'N/A'],
  ),
  row(['backup-agent', `${U}/svc/backup-agent`, '2023-11-14T12:00:00+00:00', 'false'], NO_KEY, NO_KEY),
  row(
    ['reporter', `${U}/reporter`, '2025-01-01T00:00:00+00:00', 'false'],
    ['true', '2025-01-02T00:00:00+00:00', 'N/A', 'N/A', 'N/A'],
    ['true', '2025-06-01T00:00:00+00:00', '2026-11-30T00:00:00+00:00', 'us-east-1', 's3'],
  ),
].join('\n');

const EXPECTED = [
  {
    user: 'arn:aws:iam::111122223333:user/ci-legacy',
    userName: 'ci-legacy',
    keyId: 'access key 1',
    status: 'Active',
    created: '2024-02-01T08:00:00.000Z',
    lastUsed: '2026-12-01T10:11:00.000Z',
  },
  {
    user: 'arn:aws:iam::111122223333:user/ci-legacy',
    userName: 'ci-legacy',
    keyId: 'access key 2',
    status: 'Inactive',
    created: '2023-11-14T12:05:00.000Z',
  },
  {
    user: 'arn:aws:iam::111122223333:user/reporter',
    userName: 'reporter',
    keyId: 'access key 1',
    status: 'Active',
    created: '2025-01-02T00:00:00.000Z',
  },
  {
    user: 'arn:aws:iam::111122223333:user/reporter',
    userName: 'reporter',
    keyId: 'access key 2',
    status: 'Active',
    created: '2025-06-01T00:00:00.000Z',
    lastUsed: '2026-11-30T00:00:00.000Z',
  },
];

describe('parseCredentialReport', () => {
  it('lists every key slot in use, root left out, sorted by user', () => {
    expect(parseCredentialReport(REPORT)).toEqual({ ok: true, value: EXPECTED });
  });

  it('reads the base64 Content of get-credential-report the same', () => {
    expect(parseCredentialReport(Buffer.from(REPORT).toString('base64'))).toEqual({ ok: true, value: EXPECTED });
  });

  it.each([
    ['an export file', '{"RoleDetailList": []}', /^the credential report has no user, arn, access_key_1_active/],
    ['a short line', `${HEADER}\nx,y`, /^line 2 of the credential report has 2 columns, the header 22$/],
  ])('names %s', (_, text, message) => {
    const r = parseCredentialReport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(messageOf(r)).toMatch(message);
  });
});
