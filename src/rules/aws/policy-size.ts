import {
  elevationSets,
  INLINE_POLICY_LIMIT,
  outsidePolicyCharset,
  pendingAwsPermissions,
  policyLength,
  renderAwsPolicy,
} from '../../access/aws-policy.js';
import { show, type Path } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  badCharacter:
    '{{value}} holds the character U+{{code}}, which IAM policies may not contain (only TAB, LF, CR and U+0020–U+00FF)',
  tooLarge:
    "the rendered policy is {{size}} characters, over AWS's {{limit}}-character limit for a {{principal}}'s " +
    'inline policies',
  elevationTooLarge:
    "with this elevation the rendered policy is {{size}} characters, over AWS's {{limit}}-character limit " +
    "for a {{principal}}'s inline policies ({{baseSize}} without elevations)",
  elevationsTooLarge:
    "with this elevation together with {{others}} the rendered policy is {{size}} characters, over AWS's " +
    "{{limit}}-character limit for a {{principal}}'s inline policies ({{baseSize}} without elevations)",
} as const;

function badCharacter(path: Path, value: string, bad: string): Report<typeof messages> {
  const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { path, messageId: 'badCharacter', data: { value: show(value), code } };
}

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/policy-size',
    severity: 'error',
    title: 'AWS policy over the size limit or with characters IAM rejects',
    rationale:
      'IAM caps the inline policies of a role at 10,240 characters and of a user at 2,048 (whitespace not ' +
      'counted, conditions included), and rejects characters outside TAB, LF, CR and U+0020–U+00FF. Measured ' +
      'on the policy idac will render, the failure shows in the pull request instead of halfway through an apply.',
    fix:
      'Merge permissions that share resources, use one wildcard ARN for a prefix instead of many ARNs, or ' +
      'split the identity; replace characters IAM does not accept.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { now }) {
    const aws = data.spec.access.aws;
    if (!aws) return [];
    const out: Report<typeof messages>[] = [];
    const pending = pendingAwsPermissions(data, now);
    for (const block of pending) {
      [
        ...block.actions.map((v, j) => ['actions', j, v] as const),
        ...block.resources.map((v, k) => ['resources', k, v] as const),
      ].forEach(([key, i, value]) => {
        const bad = outsidePolicyCharset(value);
        if (bad !== null) out.push(badCharacter([...block.path, key, i], value, bad));
      });
      // Conditions compile into the same document: their operators, keys and text values too.
      for (const [op, keys] of Object.entries(block.conditions ?? {})) {
        const at = [...block.path, 'conditions', op];
        const bad = outsidePolicyCharset(op);
        if (bad !== null) out.push({ ...badCharacter(at, op, bad), at: 'key' });
        for (const [k, v] of Object.entries(keys)) {
          const badKey = outsidePolicyCharset(k);
          if (badKey !== null) out.push({ ...badCharacter([...at, k], k, badKey), at: 'key' });
          const values = Array.isArray(v) ? v.map((x, i) => [[...at, k, i], x] as const) : [[[...at, k], v] as const];
          for (const [path, x] of values) {
            const badValue = typeof x === 'string' ? outsidePolicyCharset(x) : null;
            if (badValue !== null) out.push(badCharacter(path, x as string, badValue));
          }
        }
      }
    }
    const limit = INLINE_POLICY_LIMIT[aws.principal];
    const size = (elevations: readonly number[]): number =>
      policyLength(renderAwsPolicy(pending.filter((b) => b.elevation === null || elevations.includes(b.elevation))));
    const baseSize = size([]);
    if (baseSize > limit) {
      out.push({
        path: ['spec', 'access', 'aws', 'permissions'],
        at: 'key',
        messageId: 'tooLarge',
        data: { size: baseSize, limit, principal: aws.principal },
      });
      return out;
    }
    // An elevation adds statements while it lasts: measure every combination that will be in force together.
    const reported = new Set<number>();
    for (const set of elevationSets(data, now)) {
      const withAws = set.filter((i) => pending.some((b) => b.elevation === i));
      if (withAws.length === 0) continue;
      const total = size(withAws);
      const last = withAws[withAws.length - 1]!;
      if (total <= limit || reported.has(last)) continue;
      reported.add(last);
      const path = ['spec', 'elevations', last, 'access', 'aws', 'permissions'];
      const sizes = { size: total, limit, principal: aws.principal, baseSize };
      if (withAws.length === 1) out.push({ path, at: 'key', messageId: 'elevationTooLarge', data: sizes });
      else
        out.push({
          path,
          at: 'key',
          messageId: 'elevationsTooLarge',
          data: { ...sizes, others: `elevation${withAws.length > 2 ? 's' : ''} ${withAws.slice(0, -1).join(', ')}` },
        });
    }
    return out;
  },
});
