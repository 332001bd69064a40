import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const TYPES = ['workload', 'pipeline', 'bot', 'device', 'api-client', 'ai-agent'];

ruleTable('schema/enum', {
  good: [
    ...TYPES.map((t) => ({ name: `type: ${t}`, files: { [at]: edit(IDENTITY, 'type: workload', `type: ${t}`) } })),
    { name: 'status and criticality', files: { [at]: `${IDENTITY}  status: suspended\n  criticality: critical\n` } },
    {
      name: 'a number where an enum belongs is a type problem, not also an enum one',
      files: { [at]: edit(IDENTITY, 'principal: role', 'principal: 0x1F') },
    },
  ],
  bad: [
    {
      name: 'type: Workload (wrong case), with the allowed values and a guess',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: Workload') },
      expect: [
        {
          line: 6,
          column: 9,
          messageId: 'notAllowed',
          message: new RegExp(
            String.raw`^spec\.type must be one of: workload, pipeline, bot, device, api-client, ai-agen` +
              String.raw`t — did you mean "workload"\?$`,
          ),
        },
      ],
    },
    {
      name: 'type: service-account (no close match, no guess)',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: service-account') },
      expect: [{ line: 6, column: 9, messageId: 'notAllowed', message: /one of: workload, .*ai-agent$/ }],
    },
    // Two edits away from a six-letter value is another word, not a typo (issue 13): no guess.
    {
      name: 'type: service is not "device"',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: service') },
      expect: [
        {
          line: 6,
          column: 9,
          messageId: 'notAllowed',
          message: /^spec\.type must be one of: workload, pipeline, bot, device, api-client, ai-agent$/,
        },
      ],
    },
    {
      name: 'type: devise is a typo of device',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: devise') },
      expect: [{ line: 6, column: 9, messageId: 'notAllowed', message: /did you mean "device"\?$/ }],
    },
    {
      name: 'status: Active',
      files: { [at]: `${IDENTITY}  status: Active\n` },
      expect: [
        {
          line: 25,
          column: 11,
          messageId: 'notAllowed',
          message: /^spec\.status must be one of: active, suspended, decommissioned — did you mean "active"\?/,
        },
      ],
    },
    {
      name: 'principal: roles',
      files: { [at]: edit(IDENTITY, 'principal: role', 'principal: roles') },
      expect: [{ line: 19, column: 18, messageId: 'notAllowed', message: /one of: role, user — did you mean "role"/ }],
    },
    {
      name: 'apiVersion: idac/v2',
      files: { [at]: edit(IDENTITY, 'apiVersion: idac/v1', 'apiVersion: idac/v2') },
      expect: [{ line: 1, column: 13, messageId: 'notAllowed', message: /^apiVersion must be one of: idac\/v1/ }],
    },
    {
      name: 'several in one file',
      files: { [at]: `${edit(IDENTITY, 'type: workload', 'type: robot')}  criticality: urgent\n` },
      expect: [
        { line: 6, column: 9, messageId: 'notAllowed' },
        { line: 25, column: 16, messageId: 'notAllowed', message: /one of: low, medium, high, critical/ },
      ],
    },
  ],
});
