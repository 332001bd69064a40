import { IDENTITY, ruleTable } from '../harness.js';
import { fake } from '../../secrets/fakes.js';
import { APP, plant } from '../../secrets/plant.js';
import { badRow, placements } from '../../secrets/rows.js';

const id = fake.awsKeyId();

ruleTable('secret/aws-access-key-id', {
  good: [
    { name: 'a clean identity (account ids are not key ids)', files: { [APP]: IDENTITY } },
    {
      name: 'the AWS documentation example',
      files: { [APP]: plant.comment(['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')) },
    },
    { name: 'any id ending in EXAMPLE', files: { [APP]: plant.label('example', `${id.slice(0, 13)}EXAMPLE`) } },
    { name: 'one character short', files: { [APP]: plant.comment(id.slice(0, -1)) } },
    { name: 'digits outside base32 (0, 1, 8, 9)', files: { [APP]: plant.comment(`${id.slice(0, 12)}01890189`) } },
    { name: 'lower case', files: { [APP]: plant.comment(id.toLowerCase()) } },
    {
      name: 'capitals without digits inside a longer run',
      files: { [APP]: plant.comment('role: ASIAPACIFICDEPLOYERROLE') },
    },
    { name: 'an ARN', files: { [APP]: plant.comment('arn:aws:iam::123456789012:role/AKIAROLEFORSETTLEMENTS') } },
  ],
  bad: [
    ...placements(id, 'keyId', /^AWS access key id \(fingerprint [0-9a-f]{8}\)/),
    badRow(
      'a temporary (ASIA) key id',
      plant.comment(`aws_access_key_id=${fake.awsTempKeyId()}`),
      fake.awsTempKeyId(),
      'temporaryKeyId',
      /AWS temporary access key id/,
    ),
    badRow('pasted against a word (no space)', plant.comment(`name: ${id}settlement-reader`), id, 'keyId'),
    badRow(
      'next to its secret in an env-style comment',
      plant.comment(`AWS_ACCESS_KEY_ID=${id} AWS_SECRET_ACCESS_KEY=${fake.awsSecret()}`),
      id,
      'keyId',
    ),
  ],
});
