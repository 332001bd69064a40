// An org.yaml for the trust-policy tests: one account with OIDC issuers and a Roles Anywhere trust
// anchor, a second account, an EKS cluster; and a role identity whose trust block each test sets.

import type { CompileContext } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { orgModel, type OrgModel } from '../../src/model/org.js';
import { EKS_ISSUER, role } from './aws-fixture.js';

export type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;
export type Trust = NonNullable<Aws['trust']>;

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const GITLAB = 'gitlab.acme.example';
export const CIRCLE = 'oidc.circleci.com/org/0f7c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
export const ANCHOR = `arn:aws:rolesanywhere:eu-west-1:${ACCOUNT}:trust-anchor/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`;
export const EKS_NAME = 'acme-prod-eu';

export const TRUST_ORG: OrgModel = orgModel({
  apiVersion: 'idac/v1',
  kind: 'Organization',
  spec: {
    teams: { payments: { members: ['alice@acme.example'] } },
    targets: {
      aws: {
        [ACCOUNT]: {
          region: 'eu-west-1',
          oidcProviders: { gitlab: `https://${GITLAB}`, circleci: CIRCLE, 'prod-eu': EKS_ISSUER },
          trustAnchors: { devices: ANCHOR },
        },
        [OTHER_ACCOUNT]: { region: 'eu-central-1' },
      },
      kubernetes: {
        'prod-eu': { context: 'prod-eu-admin', eks: { account: ACCOUNT, region: 'eu-west-1', name: EKS_NAME } },
        'on-prem': { context: 'on-prem-admin' },
      },
    },
  },
});

export const CTX: CompileContext = { now: Date.UTC(2026, 10, 20), org: TRUST_ORG };

/** The payments role `app` in ACCOUNT with exactly this trust block. */
export function trusted(trust: Trust, name = 'app'): MachineIdentity {
  const base = role({}, name);
  return role({ access: { aws: { ...base.spec.access.aws!, trust } } }, name);
}
