// The trust of an identity's AWS role, or undefined: a user has no trust policy (aws/trust-on-user
// reports one written there), so rules about what a trust admits look at roles only.

import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';

type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;

export function roleTrust(data: MachineIdentity): { account: string; trust: NonNullable<Aws['trust']> } | undefined {
  const aws = data.spec.access.aws;
  if (!aws || aws.principal !== 'role' || !aws.trust) return undefined;
  return { account: aws.account, trust: aws.trust };
}

/** `; did you mean x?` for a near miss among `candidates`, else ''. */
export { didYouMean } from '../../manifest/schemas.js';
export const guess = (near: string | null): string => (near !== null ? `; did you mean ${near}?` : '');
