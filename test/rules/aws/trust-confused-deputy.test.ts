import { ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:settle';

ruleTable('aws/trust-confused-deputy', {
  good: [
    {
      name: 'lambda with its function',
      files: fed(trusting(`service: { principal: lambda.amazonaws.com, sourceArn: "${FN}" }`)),
    },
    { name: 'ec2 sends no source ARN', files: fed(trusting('service: { principal: ec2.amazonaws.com }')) },
    { name: "an unknown service is another rule's", files: fed(trusting('service: { principal: foo.amazonaws.com }')) },
  ],
  bad: [
    {
      name: 'lambda without a source',
      files: fed(trusting('service: { principal: lambda.amazonaws.com }')),
      expect: [
        {
          line: 21,
          column: 9,
          messageId: 'noSourceArn',
          message: new RegExp(
            String.raw`^AWS Lambda trust has no sourceArn: any AWS Lambda resource .* e\.g\. ` +
              String.raw`sourceArn: arn:aws:lambda:eu-west-1:\d{12}:function:NAME$`,
          ),
        },
      ],
    },
    {
      name: 'a list: step functions unpinned, ec2 with a source it never sends',
      files: fed(
        trusting(
          'service:',
          '  - { principal: states.amazonaws.com }',
          '  - { principal: ec2.amazonaws.com, sourceArn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-1" }',
        ),
      ),
      expect: [
        { line: 22, column: 13, messageId: 'noSourceArn', message: /stateMachine:NAME$/ },
        { line: 23, column: 56, messageId: 'sourceArnIgnored', message: /^Amazon EC2 does not send aws:SourceArn/ },
      ],
    },
  ],
});
