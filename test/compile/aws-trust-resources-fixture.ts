// Inputs for the tests of the objects beside a role (instance profile, Pod Identity associations,
// Roles Anywhere profile): acme's org.yaml with EKS clusters declared, and the fixture role with a
// trust block of one's choosing.

import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { orgModel, type OrgModel } from '../../src/model/org.js';
import { ACME_ORG, role } from './aws-fixture.js';

export type Trust = NonNullable<NonNullable<MachineIdentity['spec']['access']['aws']>['trust']>;

/**
 * acme's org.yaml plus three clusters: prod-eu on EKS in the payments account and its region,
 * staging on EKS in the platform account (another region), on-prem without EKS.
 */
export const EKS_ORG: OrgModel = orgModel({
  apiVersion: 'idac/v1',
  kind: 'Organization',
  spec: {
    ...ACME_ORG.spec,
    targets: {
      ...ACME_ORG.spec.targets,
      kubernetes: {
        'prod-eu': {
          context: 'prod-eu-admin',
          environment: 'prod',
          eks: { account: '123456789012', region: 'eu-west-1', name: 'acme-prod-eu' },
        },
        staging: { context: 'staging', eks: { account: '210987654321', region: 'eu-central-1', name: 'acme-staging' } },
        'on-prem': { context: 'on-prem' },
      },
    },
  },
});

/** The fixture role (app, team payments, account 123456789012) trusting exactly `trust`. */
export function trusting(trust: Trust, patch: Partial<MachineIdentity['spec']> = {}, name = 'app'): MachineIdentity {
  const data = role(patch, name);
  data.spec.access.aws = { ...data.spec.access.aws!, trust };
  return data;
}
