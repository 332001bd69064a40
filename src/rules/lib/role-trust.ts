// The trust of an identity's AWS role, or undefined: a user has no trust policy (aws/trust-on-user
// reports one written there), so rules about what a trust admits look at roles only.

import type { Path } from '../../common/findings.js';
import { trustItems, type TrustItem } from '../../access/trust.js';
import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import type { OrgModel } from '../../model/org.js';

type Aws = NonNullable<MachineIdentity['spec']['access']['aws']>;

export function roleTrust(data: MachineIdentity): { account: string; trust: NonNullable<Aws['trust']> } | undefined {
  const aws = data.spec.access.aws;
  if (!aws || aws.principal !== 'role' || !aws.trust) return undefined;
  return { account: aws.account, trust: aws.trust };
}

/** Each account trust of the identity's role, with what org.yaml says of the account. */
export function accountTrusts(
  data: MachineIdentity,
  org: OrgModel,
): {
  item: TrustItem<'account'>;
  path: Path;
  /** Declared under targets.aws: an account of the organisation. */
  own: boolean;
  /** Its spec.trustedAccounts entry, if any. */
  trusted: { name: string; thirdParty?: boolean } | undefined;
}[] {
  const role = roleTrust(data);
  if (!role) return [];
  const targets = org.spec.targets?.aws ?? {};
  const trusted = org.spec.trustedAccounts ?? {};
  return trustItems(role.trust, 'account').map(({ item, path }) => ({
    item,
    path,
    own: Object.hasOwn(targets, item.id),
    trusted: Object.hasOwn(trusted, item.id) ? trusted[item.id] : undefined,
  }));
}

/** An OIDC issuer as org.yaml may write it (`https://host/`, `host`), reduced to its lower-cased host and path. */
export const issuerHost = (url: string): string =>
  url
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();

export { didYouMean } from '../../manifest/schemas.js';
/** `; did you mean x?` for a near miss found by didYouMean, else ''. */
export const guess = (near: string | null): string => (near !== null ? `; did you mean ${near}?` : '');
