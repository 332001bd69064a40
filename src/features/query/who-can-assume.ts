// `who-can --assume NAME`: who can become an identity, across every AWS trust kind and Vault login,
// each answer pointing at the line that admits it. Reads the one trust model (access/trust.ts) that
// plan and the trust rules read, so the three never disagree about who is trusted.

import { trustsOf } from '../../access/trust.js';
import type { LoadedIdentity as LocatedIdentity } from '../../check/repository.js';
import { cmp } from '../../common/findings.js';

export interface AssumeMatch {
  identity: string;
  /**
   * Where the trust is and what kind it is: `aws:<trust kind>` (`aws:oidc`, `aws:service`,
   * `aws:account`, …) for who may assume the identity's IAM role, `vault:<auth method>` (`vault:jwt`,
   * `vault:cert`, …) for who may log into Vault as it.
   */
  kind: string;
  /** One line naming who (`oidc gitlab project_path:acme/ledger:ref:main`); never a secret (no external id value). */
  principal: string;
  file: string;
  line: number;
  column: number;
}

/** Everyone who can become the identity (none for a suspended or decommissioned one), in a stable order. */
export function whoCanAssume(id: LocatedIdentity): AssumeMatch[] {
  const out = trustsOf(id.data).map((t): AssumeMatch => {
    const { line, column } = id.at(t.path);
    return {
      identity: id.data.metadata.name,
      kind: `${t.target}:${t.kind}`,
      principal: t.principal,
      file: id.file,
      line,
      column,
    };
  });
  return out.sort(
    (a, b) => cmp(a.kind, b.kind) || cmp(a.principal, b.principal) || a.line - b.line || a.column - b.column,
  );
}
