// moto's server (an implementation of the AWS APIs, IAM among them; PyPI moto[server]) on a loopback
// port, and a signed AWS query-API call with node:crypto. moto routes a request to a service by the
// credential scope of its Authorization header (…/us-east-1/iam/aws4_request) and does not check the
// signature; the call is still signed the way AWS documents Signature Version 4
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html), so the same code
// works against any endpoint that does check it.

import { createHash, createHmac } from 'node:crypto';
import { join } from 'node:path';
import { MOTO_VERSION, findPeer, freePort, peersCache, startPeer, type Peer } from './peers.js';

export const MOTO_SKIP = 'moto[server] not installed: run scripts/install-peers.sh (needs PyPI)';

/** IDAC_MOTO_SERVER, else the venv scripts/install-peers.sh put in the cache; null when there is none. */
export function motoBinary(): string | null {
  return findPeer('IDAC_MOTO_SERVER', join(peersCache(), `moto-${MOTO_VERSION}`, 'bin', 'moto_server'));
}

export async function startMoto(bin: string): Promise<Peer> {
  const port = await freePort();
  return startPeer(
    'moto_server',
    bin,
    ['-H', '127.0.0.1', '-p', String(port)],
    port,
    async (address) => (await fetch(`${address}/moto-api/`)).status === 200,
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

/** One AWS query-API call (form-encoded POST), SigV4-signed with moto's fake credentials. */
export async function awsQuery(
  address: string,
  service: string,
  params: Record<string, string>,
  at = new Date(),
): Promise<{ status: number; body: string }> {
  const region = 'us-east-1';
  const body = new URLSearchParams(params).toString();
  const host = new URL(address).host;
  const amzDate = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const contentType = 'application/x-www-form-urlencoded; charset=utf-8';
  const signed = 'content-type;host;x-amz-date';
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${contentType}`,
    `host:${host}`,
    `x-amz-date:${amzDate}`,
    '',
    signed,
    sha256(body),
  ];
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical.join('\n'))].join('\n');
  // The signing key (AWS: kDate → kRegion → kService → kSigning) from moto's fake secret key.
  let k: Buffer = hmac('AWS4testing', day);
  for (const part of [region, service, 'aws4_request']) k = hmac(k, part);
  const signature = createHmac('sha256', k).update(toSign, 'utf8').digest('hex');
  const res = await fetch(`${address}/`, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Amz-Date': amzDate,
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/${scope}, SignedHeaders=${signed}, Signature=${signature}`,
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}
