import { describe, expect, it } from 'vitest';
import { providersFor } from '../../src/apply/providers.js';
import type { DesiredResource, ProviderKey } from '../../src/compile/types.js';
import { orgModel } from '../../src/model/org.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { failAll } from '../../src/common/result.js';

const org = (targets: Organization['spec']['targets']) =>
  orgModel({
    apiVersion: 'idac/v1',
    kind: 'Organization',
    spec: { teams: { t: { members: ['a@x.example'] } }, targets },
  });
const res = (provider: ProviderKey, identity = 'app'): DesiredResource => ({
  type: 'x',
  name: `${identity}.${provider}`,
  identity,
  team: 't',
  provider,
  inputs: {},
});

describe('providersFor', () => {
  it('one provider per account, cluster and Vault, pinned to what org.yaml says', () => {
    const out = providersFor(
      [
        res('vault'),
        res('aws:210987654321'),
        res('aws:123456789012'),
        res('kubernetes:prod-eu'),
        res('aws:123456789012', 'other'),
      ],
      org({
        aws: {
          '123456789012': { region: 'eu-west-1' },
          '210987654321': { region: 'eu-central-1', applyRole: 'arn:aws:iam::210987654321:role/idac-apply' },
        },
        kubernetes: { 'prod-eu': { context: 'prod-eu-admin' } },
        vault: { address: 'https://vault.example:8200' },
      }),
      'idac-apply-t',
    );
    expect(out).toEqual({
      ok: true,
      value: [
        {
          key: 'aws:123456789012',
          package: 'aws',
          name: 'aws-123456789012',
          inputs: { region: 'eu-west-1', allowedAccountIds: ['123456789012'] },
        },
        {
          key: 'aws:210987654321',
          package: 'aws',
          name: 'aws-210987654321',
          inputs: {
            region: 'eu-central-1',
            allowedAccountIds: ['210987654321'],
            assumeRoles: [{ roleArn: 'arn:aws:iam::210987654321:role/idac-apply', sessionName: 'idac-apply-t' }],
          },
        },
        {
          key: 'kubernetes:prod-eu',
          package: 'kubernetes',
          name: 'kubernetes-prod-eu',
          inputs: { context: 'prod-eu-admin', enableServerSideApply: true },
        },
        { key: 'vault', package: 'vault', name: 'vault', inputs: { address: 'https://vault.example:8200' } },
      ],
    });
  });

  it('a cluster without a context uses its name as the kubeconfig context', () => {
    const out = providersFor([res('kubernetes:dev')], org({ kubernetes: { dev: {} } }), 's');
    expect(out.ok && out.value[0]!.inputs).toEqual({ context: 'dev', enableServerSideApply: true });
  });

  it('refuses targets org.yaml does not configure, naming who needs them', () => {
    const out = providersFor(
      [res('aws:999999999999', 'b'), res('aws:999999999999', 'a'), res('kubernetes:gone'), res('vault')],
      org({}),
      's',
    );
    expect(out).toEqual(
      failAll([
        'org.yaml has no targets.aws."999999999999" (needed by a, b): add the account with its region',
        'org.yaml has no targets.kubernetes.gone (needed by app): add the cluster with its kubeconfig context',
        "org.yaml has no targets.vault.address (needed by app): add the Vault server's URL",
      ]),
    );
  });

  it('no resources, no providers', () => {
    expect(providersFor([], null, 's')).toEqual({ ok: true, value: [] });
  });
});
