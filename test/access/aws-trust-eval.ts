// A role trust-policy evaluator for the shapes idac compiles, written for the tests from the IAM
// User Guide (reference_policies_elements_principal.html, reference_policies_evaluation-logic.html),
// independent of the compiler: a request is allowed when, for each of its actions, some Allow
// statement matches its principal, the action and every condition, and no Deny statement does.
//   - Principal `Service` / `Federated`: the exact name (or one of a list).
//   - Principal `AWS`: `*` is anyone; `arn:aws:iam::<id>:root` or a bare 12-digit id is every
//     principal of that account; any other ARN is that one principal.
//   - Action: exact, or a `*` / `?` pattern, case-insensitive as IAM's action names are.
//   - Condition: src/access/aws-condition-eval.ts (itself checked against IAM's documented semantics).

import { conditionsAllow, type RequestContext } from '../../src/access/aws-condition-eval.js';
import type { AwsConditions } from '../../src/access/aws-conditions.js';

export type RequestPrincipal = { Service: string } | { AWS: string } | { Federated: string };

export interface AssumeRequest {
  principal: RequestPrincipal;
  /** Every action the caller needs allowed: Pod Identity needs sts:AssumeRole and sts:TagSession. */
  actions: readonly string[];
  context: RequestContext;
}

interface Statement {
  Effect: 'Allow' | 'Deny';
  Principal: Record<string, string | string[]> | '*';
  Action: string | string[];
  Condition?: AwsConditions;
}

export function trustAllows(policy: string, request: AssumeRequest): boolean {
  const statements = (JSON.parse(policy) as { Statement: Statement[] }).Statement;
  return request.actions.every((action) => {
    const matching = statements.filter(
      (s) =>
        principalMatches(s.Principal, request.principal) &&
        actionMatches(s.Action, action) &&
        conditionsAllow(s.Condition, request.context),
    );
    return matching.some((s) => s.Effect === 'Allow') && !matching.some((s) => s.Effect === 'Deny');
  });
}

function principalMatches(policy: Statement['Principal'], request: RequestPrincipal): boolean {
  if (policy === '*') return true;
  const [type, name] = Object.entries(request)[0]!;
  const listed = policy[type];
  if (listed === undefined) return false;
  return (Array.isArray(listed) ? listed : [listed]).some((p) =>
    type === 'AWS' ? awsPrincipalMatches(p, name) : p === name,
  );
}

function awsPrincipalMatches(policy: string, request: string): boolean {
  if (policy === '*') return true;
  const account = /^(?:arn:aws:iam::)?([0-9]{12})(?::root)?$/.exec(policy);
  if (account)
    return request.startsWith(`arn:aws:iam::${account[1]}:`) || request.startsWith(`arn:aws:sts::${account[1]}:`);
  return policy === request;
}

function actionMatches(policy: string | string[], action: string): boolean {
  return (Array.isArray(policy) ? policy : [policy]).some((p) => glob(p.toLowerCase()).test(action.toLowerCase()));
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}
