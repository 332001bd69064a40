// The IAM credential report (`aws iam generate-credential-report`, then `aws iam get-credential-report`,
// whose Content is base64 CSV; either form is accepted) → the access keys it lists. The report gives no
// key ids, only slots 1 and 2 per user, so a key is named "access key 1" / "access key 2". The root
// account's row is not a machine identity and is left out.
// Columns: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html

import { fail, ok, type Result } from '../../../common/result.js';
import type { AccessKeyRecord } from '../types.js';

const ROOT = '<root_account>';

export function parseCredentialReport(text: string): Result<AccessKeyRecord[]> {
  const csv = decoded(text);
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]?.split(',').map((h) => h.trim()) ?? [];
  const col = (name: string): number => header.indexOf(name);
  const needed = ['user', 'arn', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_2_active'];
  const missing = needed.filter((n) => col(n) < 0);
  if (missing.length > 0)
    return fail(
      `the credential report has no ${missing.join(', ')} column: ` +
        'expected the CSV aws iam get-credential-report returns (base64 or decoded)',
    );
  const keys: AccessKeyRecord[] = [];
  for (const [i, line] of lines.slice(1).entries()) {
    const cells = line.split(',');
    if (cells.length < header.length)
      return fail(`line ${i + 2} of the credential report has ${cells.length} columns, the header ${header.length}`);
    const at = (name: string): string | undefined => {
      const c = col(name);
      const v = c < 0 ? undefined : cells[c]!.trim();
      return v === undefined || v === '' || v === 'N/A' || v === 'not_supported' || v === 'no_information'
        ? undefined
        : v;
    };
    const userName = at('user');
    if (userName === undefined || userName === ROOT) continue;
    for (const slot of [1, 2]) {
      const rotated = at(`access_key_${slot}_last_rotated`);
      const active = at(`access_key_${slot}_active`) === 'true';
      // A slot never used shows false and N/A: there is no key in it.
      if (!active && rotated === undefined) continue;
      const lastUsed = at(`access_key_${slot}_last_used_date`);
      keys.push({
        user: at('arn') ?? '',
        userName,
        keyId: `access key ${slot}`,
        status: active ? 'Active' : 'Inactive',
        ...(rotated !== undefined ? { created: iso(rotated) } : {}),
        ...(lastUsed !== undefined ? { lastUsed: iso(lastUsed) } : {}),
      });
    }
  }
  return ok(keys.sort((a, b) => (`${a.user} ${a.keyId}` < `${b.user} ${b.keyId}` ? -1 : 1)));
}

/** The report as CSV: the API's base64 Content decoded, decoded text as it is. */
function decoded(text: string): string {
  const t = text.trim();
  if (t.startsWith('user,') || !/^[A-Za-z0-9+/=\s]+$/.test(t)) return t;
  return Buffer.from(t, 'base64').toString('utf8');
}

function iso(text: string): string {
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}
