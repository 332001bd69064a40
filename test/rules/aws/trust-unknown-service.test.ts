import { ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

ruleTable('aws/trust-unknown-service', {
  good: [
    { name: 'a known service', files: fed(trusting('service: { principal: ecs-tasks.amazonaws.com }')) },
    { name: "a wildcard is another rule's", files: fed(trusting('service: { principal: "*" }')) },
  ],
  bad: [
    {
      name: 'a typo and a missing suffix, in a list',
      files: fed(
        trusting(
          'service:',
          '  - { principal: lamda.amazonaws.com }',
          '  - { principal: states }',
          '  - { principal: foo.example.com }',
        ),
      ),
      expect: [
        {
          line: 22,
          column: 26,
          messageId: 'unknown',
          message:
            /^service principal "lamda\.amazonaws\.com" is not .*; did you mean lambda\.amazonaws\.com\?; a typo/,
        },
        { line: 23, column: 26, messageId: 'unknown', message: /did you mean states\.amazonaws\.com\?/ },
        { line: 24, column: 26, messageId: 'unknown', message: /idac knows; a typo would/ },
      ],
    },
  ],
});
