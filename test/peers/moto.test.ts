// moto_server starts on a loopback port, answers IAM over HTTP and stops: the peer issue 18's IAM
// tests will run against. Skipped, with the reason, where scripts/install-peers.sh could not install it.

import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { awsQuery, motoBinary, MOTO_SKIP, startMoto } from './moto.js';
import { needPeer, type Peer } from './peers.js';

describe('moto_server (IAM API)', () => {
  const bin = motoBinary();
  let moto: Peer | null = null;

  afterAll(async () => {
    await moto?.stop();
  });

  const title = `starts, creates and lists an IAM role, and stops${bin === null ? ` (skipped: ${MOTO_SKIP})` : ''}`;

  it(title, async (ctx: TestContext) => {
    moto = await startMoto(needPeer(ctx, bin, MOTO_SKIP));
    const iam = (params: Record<string, string>) =>
      awsQuery(moto!.address, 'iam', { Version: '2010-05-08', ...params });

    const empty = await iam({ Action: 'ListRoles' });
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('<ListRolesResult><Roles/>');

    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const created = await iam({ Action: 'CreateRole', RoleName: 'idac-app', AssumeRolePolicyDocument: trust });
    expect(created.status).toBe(200);

    const listed = await iam({ Action: 'ListRoles' });
    expect(listed.body).toContain('<RoleName>idac-app</RoleName>');
    expect(listed.body).toContain('<Arn>arn:aws:iam::123456789012:role/idac-app</Arn>');

    await moto.stop();
    await expect(fetch(`${moto.address}/moto-api/`)).rejects.toThrow();
  });
});
