import { expandAction } from '../../access/aws-actions.js';
import {
  conditionTests,
  keyMatches,
  operatorNames,
  parseOperator,
  valueProblem,
  type ConditionValue,
} from '../../access/aws-conditions.js';
import { listSome } from '../../access/aws-escalation.js';
import { pendingAwsPermissions, type AwsPermissionBlock } from '../../access/aws-policy.js';
import { iamCatalog, type IamAction } from '../../access/iam-catalog.js';
import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  unknownOperator: '{{operator}} is no IAM condition operator; AWS rejects the policy',
  unknownOperatorGuess: '{{operator}} is no IAM condition operator; did you mean "{{guess}}"?',
  unknownKey:
    '{{key}} is neither a global condition key nor a key of {{actions}}: the request never carries it, so the ' +
    'condition never holds as meant',
  unknownKeyGuess: '{{key}} is neither a global condition key nor a key of {{actions}}; did you mean "{{guess}}"?',
  badValue: '{{operator}} {{key}}: {{value}} is not {{expected}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/invalid-condition',
    severity: 'error',
    title: 'AWS condition with an unknown operator or key, or a value its operator cannot read',
    rationale:
      'A condition limits a grant only when IAM can evaluate it. AWS rejects an unknown operator when the ' +
      'policy is written, and a key the request never carries (a typo, or a key of another service) makes ' +
      'the condition fail or pass for every request, whatever the author meant. Keys are checked against ' +
      "AWS's global condition keys and the keys the service reference lists for the permission's actions " +
      'and their resource types; values against the form their operator compares (Bool and Null take ' +
      'true or false, IpAddress a CIDR range, Numeric a number, Date an ISO 8601 date).',
    fix:
      'Spell the operator and key as the IAM reference writes them (the message suggests the closest), move ' +
      'a key to the permission whose actions support it, and write values in the form the operator compares.',
    owasp: ['NHI5'],
  },
  // Every permission still to come is checked, as aws/unknown-action does.
  messages,
  check({ data }, { now }) {
    const out: Report<typeof messages>[] = [];
    for (const block of pendingAwsPermissions(data, now)) {
      if (block.conditions === null) continue;
      const scope = actionsOf(block);
      for (const t of conditionTests(block.conditions)) {
        const at = [...block.path, 'conditions', t.operator];
        const op = parseOperator(t.operator);
        if (op === null) {
          // Once per operator, not per key under it.
          if (out.some((r) => r.path.length === at.length && r.path.every((p, i) => p === at[i]))) continue;
          // `NullIfExists` is the one suffix IAM refuses: Null already asks whether the key is there.
          const bare = t.operator.endsWith('IfExists') ? t.operator.slice(0, -'IfExists'.length) : null;
          const guess = bare !== null && parseOperator(bare) !== null ? bare : didYouMean(t.operator, operatorNames());
          out.push(
            guess
              ? { path: at, at: 'key', messageId: 'unknownOperatorGuess', data: { operator: show(t.operator), guess } }
              : { path: at, at: 'key', messageId: 'unknownOperator', data: { operator: show(t.operator) } },
          );
          continue;
        }
        if (scope !== null && !knownKey(t.key, scope)) {
          const actions = listSome(block.actions.map(String));
          const guess = didYouMean(t.key, candidates(scope));
          out.push(
            guess
              ? {
                  path: [...at, t.key],
                  at: 'key',
                  messageId: 'unknownKeyGuess',
                  data: { key: show(t.key), actions, guess },
                }
              : { path: [...at, t.key], at: 'key', messageId: 'unknownKey', data: { key: show(t.key), actions } },
          );
        }
        const raw = block.conditions[t.operator]![t.key];
        t.values.forEach((v: ConditionValue, i) => {
          const expected = valueProblem(op, v);
          if (expected === null) return;
          out.push({
            path: Array.isArray(raw) ? [...at, t.key, i] : [...at, t.key],
            messageId: 'badValue',
            data: { operator: t.operator, key: t.key, value: show(v), expected },
          });
        });
      }
    }
    return out;
  },
});

/**
 * The actions a permission names, expanded; 'all' for `*` (any service's keys may apply); null when
 * none is known (aws/unknown-action reports those, and every key would look wrong).
 */
function actionsOf(block: AwsPermissionBlock): readonly IamAction[] | 'all' | null {
  const out: IamAction[] = [];
  for (const pattern of block.actions) {
    const x = expandAction(pattern, iamCatalog);
    if (x.kind === 'all') return 'all';
    if (x.kind === 'actions') out.push(...x.actions);
  }
  return out.length > 0 ? out : null;
}

function knownKey(key: string, scope: readonly IamAction[] | 'all'): boolean {
  if (iamCatalog.globalConditionKeys().some((g) => keyMatches(g, key))) return true;
  if (scope === 'all') {
    // `*` reaches every service: a key of any real service may apply; its prefix is what can be checked.
    const service = /^([a-z0-9-]+):/i.exec(key)?.[1]?.toLowerCase();
    return service !== undefined && iamCatalog.prefixes().includes(service);
  }
  return scope.some((a) => a.conditionKeys.some((k) => keyMatches(k, key)));
}

function candidates(scope: readonly IamAction[] | 'all'): string[] {
  const keys = new Set(iamCatalog.globalConditionKeys());
  if (scope !== 'all') for (const a of scope) for (const k of a.conditionKeys) keys.add(k);
  return [...keys].filter((k) => !/\$\{|<|\/tag-key$/.test(k));
}
