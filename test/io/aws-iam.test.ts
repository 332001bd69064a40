// io/aws-iam.ts without a peer: a failed read is a Result naming the endpoint and never a credential;
// key ids are masked; the export file is what the AWS CLI prints, page after page.

import { afterEach, describe, expect, it } from 'vitest';
import { messageOf } from '../../src/common/result.js';
import { exportText, fetchAwsEstate, maskKeyId } from '../../src/io/aws-iam.js';
import { freePort } from '../peers/peers.js';

describe('fetchAwsEstate', () => {
  it('fails with the endpoint and the cause when IAM cannot be reached, echoing no credential', async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const r = await fetchAwsEstate({
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE12',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_SESSION_TOKEN: 'session-token-example',
      AWS_MAX_ATTEMPTS: '1',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const message = messageOf(r);
    expect(message).toBe(`could not reach AWS IAM at ${endpoint} (ECONNREFUSED)`);
    for (const secret of ['AKIAEXAMPLEEXAMPLE12', 'wJalrXUtnFEMI', 'session-token-example'])
      expect(message).not.toContain(secret);
  });
});

describe('fetchAwsEstate without credentials', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('says none were found, where the default chain looked', async () => {
    // The default chain reads the process environment: leave it nothing to find, and no instance metadata.
    process.env = {
      ...Object.fromEntries(Object.entries(saved).filter(([k]) => !k.startsWith('AWS_'))),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/idac-test/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/idac-test/credentials',
    };
    const port = await freePort();
    const r = await fetchAwsEstate({ AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_MAX_ATTEMPTS: '1' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(messageOf(r)).toBe(
        'no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ' +
          'or run where an instance or web-identity role applies',
      );
  });
});

describe('maskKeyId', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'AKIA…MPLE'],
    ['ASIA0123456789ABCDEF', 'ASIA…CDEF'],
    ['SHORT', '…'],
  ])('%s → %s', (id, masked) => expect(maskKeyId(id)).toBe(masked));
});

describe('exportText', () => {
  it('prints each page as the AWS CLI does (4-space JSON), one after another', () => {
    const pages = [{ RoleDetailList: [] }, { UserDetailList: [] }];
    expect(exportText(pages)).toBe('{\n    "RoleDetailList": []\n}\n{\n    "UserDetailList": []\n}\n');
  });
});
