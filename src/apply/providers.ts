// Which provider instance creates each resource, and how it is configured: one explicit provider per
// AWS account, Kubernetes cluster and Vault, from org.yaml's targets. Explicit providers (and
// `pulumi:disable-default-providers`) mean no resource can land in whatever account or cluster the
// ambient credentials happen to point at. Pure: the program instantiates what this returns.

import type { DesiredResource, ProviderKey } from '../compile/types.js';
import type { OrgModel } from '../model/org.js';
import { failAll, ok, type Result } from '../common/result.js';

export type ProviderPackage = 'aws' | 'kubernetes' | 'vault';

/** Each package's own ProviderArgs, so a misspelled provider setting is a build error too. */
interface ProviderArgs {
  aws: import('@pulumi/aws').ProviderArgs;
  kubernetes: import('@pulumi/kubernetes').ProviderArgs;
  vault: import('@pulumi/vault').ProviderArgs;
}

export type ProviderSpec = {
  [P in ProviderPackage]: {
    key: ProviderKey;
    package: P;
    /** Logical name of the provider resource in the stack. */
    name: string;
    /** Provider inputs, camelCase as the SDK takes them. Never a credential: those come from the environment. */
    inputs: ProviderArgs[P];
  };
}[ProviderPackage];

export type ProvidersResult = Result<ProviderSpec[]>;

/** The providers `resources` need, in key order; an error for each key org.yaml cannot configure. */
export function providersFor(
  resources: readonly DesiredResource[],
  org: OrgModel | null,
  session: string,
): ProvidersResult {
  const users = new Map<ProviderKey, Set<string>>();
  for (const r of resources) {
    let set = users.get(r.provider);
    if (!set) users.set(r.provider, (set = new Set()));
    set.add(r.identity);
  }
  const targets = org?.spec.targets;
  const out: ProviderSpec[] = [];
  const errors: string[] = [];
  const who = (key: ProviderKey): string => [...users.get(key)!].sort().join(', ');
  for (const key of [...users.keys()].sort()) {
    if (key.startsWith('aws:')) {
      const account = key.slice('aws:'.length);
      const t = targets?.aws?.[account];
      if (!t) {
        errors.push(
          `org.yaml has no targets.aws."${account}" (needed by ${who(key)}): add the account with its region`,
        );
        continue;
      }
      out.push({
        key,
        package: 'aws',
        name: `aws-${account}`,
        inputs: {
          region: t.region,
          allowedAccountIds: [account],
          ...(t.applyRole ? { assumeRoles: [{ roleArn: t.applyRole, sessionName: session }] } : {}),
        },
      });
    } else if (key.startsWith('kubernetes:')) {
      const cluster = key.slice('kubernetes:'.length);
      const t = targets?.kubernetes?.[cluster];
      if (!t) {
        errors.push(
          `org.yaml has no targets.kubernetes.${cluster} (needed by ${who(key)}): add the cluster with its ` +
            `kubeconfig context`,
        );
        continue;
      }
      out.push({
        key,
        package: 'kubernetes',
        name: `kubernetes-${cluster}`,
        inputs: { context: t.context ?? cluster, enableServerSideApply: true },
      });
    } else {
      const address = targets?.vault?.address;
      if (!address) {
        errors.push(`org.yaml has no targets.vault.address (needed by ${who(key)}): add the Vault server's URL`);
        continue;
      }
      out.push({ key, package: 'vault', name: 'vault', inputs: { address } });
    }
  }
  return errors.length > 0 ? failAll(errors) : ok(out);
}
