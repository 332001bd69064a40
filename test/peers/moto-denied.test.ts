// fetchAwsEstate against an IAM that checks credentials (moto_server with INITIAL_NO_AUTH_ACTION_COUNT=0
// enforces IAM authentication from the first call): unknown credentials are a plain failure, naming
// the endpoint and the error, not a stack trace and not the credentials.

import { afterAll, describe, expect, it } from 'vitest';
import { messageOf } from '../../src/common/result.js';
import { fetchAwsEstate } from '../../src/io/aws-iam.js';
import { motoEnv } from './aws-estate.js';
import { motoBinary, MOTO_SKIP, startMoto } from './moto.js';
import type { Peer } from './peers.js';

const bin = motoBinary();
const skipped = bin === null ? ` (skipped: ${MOTO_SKIP})` : '';

describe.skipIf(bin === null)(`fetchAwsEstate refused by IAM${skipped}`, () => {
  let moto: Peer | null = null;
  afterAll(async () => {
    await moto?.stop();
  });

  it('says the credentials were not accepted', async () => {
    const before = process.env.INITIAL_NO_AUTH_ACTION_COUNT;
    process.env.INITIAL_NO_AUTH_ACTION_COUNT = '0';
    try {
      moto = await startMoto(bin!);
    } finally {
      if (before === undefined) delete process.env.INITIAL_NO_AUTH_ACTION_COUNT;
      else process.env.INITIAL_NO_AUTH_ACTION_COUNT = before;
    }
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
});
