import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import { didYouMeanPerson, orgModel } from '../../model/org.js';
import { exceptionProblem } from '../lib/exceptions.js';
import { defineRule, type Report } from '../types.js';

const suggest = (guess: string | null): string => (guess ? `; did you mean ${guess}?` : '');

const messages = {
  unknownRule: 'exception names rule {{rule}}, which does not exist{{suggestion}}; see idac rules',
  notExceptable:
    'findings of rule {{rule}} cannot be excepted (parse/, schema/, secret/, org/ and plan/ rules); fix them instead',
  approverNotSecurityOwner:
    'exception approver {{approver}} is not a security owner (spec.securityOwners){{suggestion}}',
  badDate: 'exception expires {{expires}} is not a real date',
  expired: 'exception for {{identity}} / {{rule}} expired on {{expires}}; renew it with a security owner or remove it',
} as const;

export default defineRule({
  kind: 'org',
  meta: {
    id: 'org/exception-invalid',
    severity: 'error',
    title: 'Exception that does not apply',
    rationale:
      'An exception suppresses a finding only while it names an existing, exceptable rule, carries a ' +
      "security owner's approval and has not expired; one that fails any of these suppresses nothing, and a " +
      'reader of org.yaml would wrongly believe the risk is accepted.',
    fix:
      'Fix the rule id, have a security owner (spec.securityOwners) approve it, or renew or remove the ' +
      'expired exception; findings of parse/, schema/, secret/, org/ and plan/ rules cannot be excepted, fix ' +
      'those instead.',
    owasp: ['NHI1', 'NHI5'],
  },
  messages,
  check(org, { now, ruleIds: known }) {
    // ctx.org is null while org.yaml itself is checked; build the model from the document.
    const model = orgModel(org);
    const out: Report<typeof messages>[] = [];
    (org.spec.exceptions ?? []).forEach((e, i) => {
      const at = (key: string) => ['spec', 'exceptions', i, key];
      switch (exceptionProblem(e, model, now, known)) {
        case 'unknown-rule':
          out.push({
            path: at('rule'),
            messageId: 'unknownRule',
            data: { rule: show(e.rule), suggestion: suggest(didYouMean(e.rule, [...known])) },
          });
          break;
        case 'not-exceptable':
          out.push({ path: at('rule'), messageId: 'notExceptable', data: { rule: show(e.rule) } });
          break;
        case 'approver':
          out.push({
            path: at('approvedBy'),
            messageId: 'approverNotSecurityOwner',
            data: { approver: show(e.approvedBy), suggestion: didYouMeanPerson(e.approvedBy, model.securityOwners) },
          });
          break;
        case 'bad-date':
          out.push({ path: at('expires'), messageId: 'badDate', data: { expires: show(e.expires) } });
          break;
        case 'expired':
          out.push({
            path: at('expires'),
            messageId: 'expired',
            data: { identity: show(e.identity), rule: show(e.rule), expires: e.expires },
          });
          break;
        case null:
          break;
      }
    });
    return out;
  },
});
