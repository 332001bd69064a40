import { IDENTITY, ruleTable } from '../harness.js';
import { fake } from '../../secrets/fakes.js';
import { APP, plant } from '../../secrets/plant.js';
import { badRow, placements } from '../../secrets/rows.js';

const token = fake.jwt();
const wrapped = fake.jwtBase64();
const [header, payload] = token.split('.');

ruleTable('secret/jwt', {
  good: [
    { name: 'a clean identity', files: { [APP]: IDENTITY } },
    { name: 'a header alone', files: { [APP]: plant.comment(`${header}`) } },
    { name: 'two parts only', files: { [APP]: plant.comment(`${header}.${payload}`) } },
    {
      name: 'a payload that is not JSON',
      files: { [APP]: plant.comment(`${header}.abcdefghijklmnop.${token.split('.')[2]}`) },
    },
    {
      name: 'base64 starting ZXlK that is not a JWT',
      files: {
        [APP]: plant.comment(Buffer.from(`eyJ${'not a token at all, just text'.repeat(2)}`).toString('base64')),
      },
    },
    {
      name: 'a sha256 digest',
      files: {
        [APP]: plant.comment('image digest sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'),
      },
    },
  ],
  bad: [
    ...placements(token, 'jwt', /^JSON Web Token \(fingerprint [0-9a-f]{8}\)/),
    badRow('unsigned (alg none, empty signature)', plant.comment(`${header}.${payload}.`), header, 'jwt'),
    badRow(
      'base64-wrapped, as in a Kubernetes Secret',
      `${IDENTITY}---\nkind: Secret\ndata:\n  token: ${wrapped}\n`,
      wrapped,
      'base64Jwt',
      /base64-encoded JSON Web Token/,
    ),
    badRow('base64-wrapped in a comment', plant.comment(wrapped), wrapped, 'base64Jwt'),
  ],
});
