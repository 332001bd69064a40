import { ESCALATION_COMBINATIONS, type EscalationCombination } from '../../access/aws-escalation-list.js';
import {
  combinationActionsCoveredBy,
  combinationText,
  grantsAction,
  listSome,
  patternsInForce,
  type PatternInForce,
} from '../../access/aws-escalation.js';
import { iamCatalog } from '../../access/iam-catalog.js';
import { formatPath, show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  combination: 'privilege escalation in combination: {{actions}} ({{why}}): {{where}}',
  alone: 'privilege escalation in combination: {{pattern}} alone grants {{combination}} ({{why}})',
  aloneMany:
    'privilege escalation in combination: {{pattern}} alone grants {{count}} escalating combinations: {{combinations}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/privilege-escalation-combination',
    severity: 'error',
    title: 'AWS actions that escalate privilege together',
    rationale:
      'Harmless-looking actions escalate in combination: iam:PassRole with a service that runs code ' +
      '(ec2:RunInstances, lambda:CreateFunction, glue:CreateDevEndpoint, cloudformation:CreateStack, …) lets ' +
      'an identity act as any role it may pass; others, such as a change set created and executed on an ' +
      "existing stack, act as an existing resource's role. The parts may sit in different permissions or an " +
      'elevation; only the whole set is dangerous, so the whole set is checked.',
    fix:
      'Drop one part of the combination, or scope iam:PassRole to the one role the workload must pass; if the ' +
      "combination is the identity's job, ask a security owner for an exception in identities/org.yaml.",
    owasp: ['NHI5'],
  },
  messages,
  check({ access }) {
    const patterns = patternsInForce(access);
    const covers = patterns.map(
      (p) => new Set([...combinationActionsCoveredBy(p.declared)].filter((a) => grantsAction(p, a, iamCatalog))),
    );
    if (covers.every((c) => c.size === 0)) return [];
    // Combinations one pattern completes by itself (`*`, `iam:*Role`) are reported once per pattern.
    const alone = new Map<PatternInForce, EscalationCombination[]>();
    const out: Report<typeof messages>[] = [];
    for (const combo of ESCALATION_COMBINATIONS) {
      const single = patterns.find((_, i) => combo.parts.every((alts) => alts.some((a) => covers[i]!.has(a))));
      if (single) {
        if (!alone.has(single)) alone.set(single, []);
        alone.get(single)!.push(combo);
        continue;
      }
      const found: { action: string; pattern: PatternInForce; index: number }[] = [];
      for (const alts of combo.parts) {
        const index = covers.findIndex((c) => alts.some((a) => c.has(a)));
        if (index < 0) break;
        found.push({ action: alts.find((a) => covers[index]!.has(a))!, pattern: patterns[index]!, index });
      }
      if (found.length < combo.parts.length) continue;
      const first = found.reduce((a, b) => (b.index < a.index ? b : a));
      const where = found.map(
        (f) =>
          f.action +
          (f.action.toLowerCase() === f.pattern.declared.toLowerCase() ? '' : ` through ${show(f.pattern.declared)}`) +
          ` at ${formatPath(f.pattern.path)}`,
      );
      out.push({
        path: first.pattern.path,
        messageId: 'combination',
        data: { actions: found.map((f) => f.action).join(' + '), why: combo.why, where: where.join('; ') },
      });
    }
    for (const [p, combos] of alone) {
      const only = combos.length === 1 ? combos[0]! : null;
      if (only)
        out.push({
          path: p.path,
          messageId: 'alone',
          data: { pattern: show(p.declared), combination: combinationText(only), why: only.why },
        });
      else
        out.push({
          path: p.path,
          messageId: 'aloneMany',
          data: {
            pattern: show(p.declared),
            count: combos.length,
            combinations: listSome(combos.map(combinationText), 3),
          },
        });
    }
    return out;
  },
});
