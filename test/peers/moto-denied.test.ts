// fetchAwsEstate against an IAM that checks credentials (moto_server with INITIAL_NO_AUTH_ACTION_COUNT=0
// enforces IAM authentication from the first call): unknown credentials are a plain failure, naming
// the endpoint and the error, not a stack trace and not the credentials.

import { afterAll, describe, expect, it } from 'vitest';
import { messageOf } from '../../src/common/result.js';
import { fetchAwsEstate } from '../../src/io/aws-iam.js';
import { motoEnv, motoIamClient } from './aws-estate.js';
import { motoBinary, MOTO_SKIP, startMoto } from './moto.js';
import type { Peer } from './peers.js';

const bin = motoBinary();
const skipped = bin === null ? ` (skipped: ${MOTO_SKIP})` : '';

/** moto enforcing IAM authentication after `free` unauthenticated calls. */
async function strictMoto(free: number): Promise<Peer> {
  const before = process.env.INITIAL_NO_AUTH_ACTION_COUNT;
  process.env.INITIAL_NO_AUTH_ACTION_COUNT = String(free);
  try {
    return await startMoto(bin!);
  } finally {
    if (before === undefined) delete process.env.INITIAL_NO_AUTH_ACTION_COUNT;
    else process.env.INITIAL_NO_AUTH_ACTION_COUNT = before;
  }
}

describe.skipIf(bin === null)(`fetchAwsEstate refused by IAM${skipped}`, () => {
  const peers: Peer[] = [];
  afterAll(async () => {
    for (const p of peers) await p.stop();
  });

  it('says the credentials were not accepted', async () => {
    const moto = await strictMoto(0);
    peers.push(moto);
    const env = {
      ...motoEnv(moto.address),
      AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000001',
      AWS_SECRET_ACCESS_KEY: 'unknown/secret/value',
    };
    const r = await fetchAwsEstate(env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const message = messageOf(r);
    expect(message).toBe(
      `AWS did not accept the credentials at ${moto.address} (InvalidClientTokenId): they are wrong or expired`,
    );
    expect(message).not.toContain('unknown/secret/value');
    expect(message).not.toContain('AKIAUNKNOWNKEY000001');
  }, 60_000);

  it('says which call was denied and what to grant, without the key', async () => {
    // Three free calls make a reader that may only list roles; then every call is checked.
    const moto = await strictMoto(3);
    peers.push(moto);
    const client = await motoIamClient(moto.address);
    const sdk = await import('@aws-sdk/client-iam');
    await client.send(new sdk.CreateUserCommand({ UserName: 'reader' }));
    const key = await client.send(new sdk.CreateAccessKeyCommand({ UserName: 'reader' }));
    await client.send(
      new sdk.PutUserPolicyCommand({
        UserName: 'reader',
        PolicyName: 'list-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }],
        }),
      }),
    );
    client.destroy();
    const id = key.AccessKey!.AccessKeyId!;
    const secret = key.AccessKey!.SecretAccessKey!;
    const r = await fetchAwsEstate({ ...motoEnv(moto.address), AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const message = messageOf(r);
    expect(message).toMatch(
      new RegExp(
        `^AWS refused the read-only IAM call at ${moto.address.replace(/[.]/g, '\\.')} \\(AccessDenied\\): ` +
          'grant the actions docs/import.md lists \\(.*iam:GetAccountAuthorizationDetails.*\\)$',
      ),
    );
    expect(message).not.toContain(secret);
    expect(message).not.toContain(id);
  }, 60_000);
});
