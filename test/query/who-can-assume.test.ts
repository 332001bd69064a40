// who-can --assume: who can become one identity, across AWS trust kinds and Vault logins, each
// answer on the line that admits it.
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../src/manifest/memory-source.js';
import { loadRepository, type LoadedIdentity } from '../../src/check/repository.js';
import { whoCanAssume } from '../../src/features/query/who-can-assume.js';
import { whoCanAssumeText, whoCanJson } from '../../src/features/query/render.js';
import { messageOf } from '../../src/common/result.js';
import { manifest } from './manifest.js';

async function one(text: string): Promise<LoadedIdentity> {
  const read = await loadRepository(new MemorySource({ 'identities/tm/ci.yaml': text }));
  if (!read.ok) throw new Error(messageOf(read));
  expect(read.value.skipped).toEqual([]);
  return read.value.identities[0]!;
}

// Line 13 is `  access:`; the access block starts on line 14.
const CI = manifest(
  'ci-ledger',
  `    aws:
      account: "111111111111"
      principal: role
      trust:
        oidc:
          - { provider: gitlab, audience: gl, subject: "project_path:acme/ledger:ref_type:branch:ref:main" }
          - { provider: gitlab, audience: gl, subject: "project_path:acme/ledger:ref_type:tag:ref:v*" }
        service: { principal: lambda.amazonaws.com, sourceArn: "arn:aws:lambda:eu-west-1:111111111111:function:c" }
        account: { id: "222222222222", role: partner-sync, externalId: "s3cr3t-partner-id" }
      permissions:
        - actions: [s3:GetObject]
          resources: [arn:aws:s3:::b/*]
    vault:
      auth: jwt
      jwt: { mount: jwt-gitlab, audience: v, claims: { project_path: acme/ledger, ref: main } }
      paths:
        - path: kv/data/ci/*
          capabilities: [read]
`,
);

describe('whoCanAssume', () => {
  it('lists every way in, sorted by kind then principal, at its line', async () => {
    const rows = whoCanAssume(await one(CI)).map((m) => `${m.kind} | ${m.principal} | ${m.file}:${m.line}:${m.column}`);
    expect(rows).toEqual([
      'aws:account | account 222222222222 role partner-sync with external id | identities/tm/ci.yaml:22:18',
      'aws:oidc | oidc gitlab project_path:acme/ledger:ref_type:branch:ref:main | identities/tm/ci.yaml:19:13',
      'aws:oidc | oidc gitlab project_path:acme/ledger:ref_type:tag:ref:v* | identities/tm/ci.yaml:20:13',
      'aws:service | service lambda.amazonaws.com for arn:aws:lambda:eu-west-1:111111111111:function:c | ' +
        'identities/tm/ci.yaml:21:18',
      'vault:jwt | vault jwt jwt-gitlab project_path=acme/ledger ref=main | identities/tm/ci.yaml:28:12',
    ]);
  });

  it('never shows an external id, in JSON or text', async () => {
    const matches = whoCanAssume(await one(CI));
    expect(whoCanJson(matches, [])).not.toContain('s3cr3t');
    expect(whoCanAssumeText(matches, 'nobody')).not.toContain('s3cr3t');
  });

  it('answers JSON as {"matches":[{identity, kind, principal, file, line, column}]}', async () => {
    const [first] = whoCanAssume(await one(CI));
    expect(JSON.parse(whoCanJson([first!], []))).toEqual({
      matches: [
        {
          identity: 'ci-ledger',
          kind: 'aws:account',
          principal: 'account 222222222222 role partner-sync with external id',
          file: 'identities/tm/ci.yaml',
          line: 22,
          column: 18,
        },
      ],
    });
  });

  it.each([
    ['suspended', 'status: suspended\n'],
    ['decommissioned', 'status: decommissioned\n'],
  ])('a %s identity can be become by nobody', async (_, status) => {
    const text = CI.replace('  expires: 2027-05-31\n', `  expires: 2027-05-31\n  ${status}`);
    expect(whoCanAssume(await one(text))).toEqual([]);
  });

  it('a user (static keys) with a Kubernetes login: only the Vault login', async () => {
    const id = await one(
      manifest(
        'ci-ledger',
        `    kubernetes:
      cluster: prod-eu
      namespace: ci
      rules: []
    vault:
      auth: kubernetes
      paths:
        - path: kv/data/ci/*
          capabilities: [read]
`,
      ),
    );
    expect(whoCanAssume(id).map((m) => [m.kind, m.principal])).toEqual([
      ['vault:kubernetes', 'vault kubernetes service account prod-eu/ci/ci-ledger'],
    ]);
  });
});

describe('whoCanAssumeText', () => {
  it('aligns columns and says who when nobody matches', async () => {
    const text = whoCanAssumeText(whoCanAssume(await one(CI)).slice(0, 2), 'nobody can become ci-ledger');
    expect(text).toBe(
      'ci-ledger  aws:account  account 222222222222 role partner-sync with external id        ' +
        'identities/tm/ci.yaml:22\n' +
        'ci-ledger  aws:oidc     oidc gitlab project_path:acme/ledger:ref_type:branch:ref:main  ' +
        'identities/tm/ci.yaml:19\n',
    );
    expect(whoCanAssumeText([], 'nobody can become ci-ledger')).toBe('nobody can become ci-ledger\n');
  });

  it('lets no control character from a manifest reach the terminal', () => {
    const text = whoCanAssumeText(
      [{ identity: 'a\u001b[2Jb', kind: 'aws:oidc', principal: 'p\nq', file: 'f', line: 1, column: 1 }],
      'n',
    );
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
