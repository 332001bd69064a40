import { IDENTITY, ruleTable } from '../harness.js';
import { fake, mixed } from '../../secrets/fakes.js';
import { APP, plant } from '../../secrets/plant.js';
import { badRow, placements } from '../../secrets/rows.js';

const token = fake.github('ghp');

ruleTable('secret/github-token', {
  good: [
    { name: 'a clean identity', files: { [APP]: IDENTITY } },
    { name: 'one character short', files: { [APP]: plant.comment(token.slice(0, -1)) } },
    {
      name: 'a word-like run after the prefix',
      files: { [APP]: plant.comment(`xghp_${'settlementreaderpaymentsbankdropbucket'.slice(0, 36)}`) },
    },
    { name: 'an unknown prefix', files: { [APP]: plant.comment(`ghx_${mixed(36, 'ghx')}`) } },
    { name: 'a placeholder', files: { [APP]: plant.comment('ghp_xxxxxxxx') } },
  ],
  bad: [
    ...placements(
      token,
      'personalAccessToken',
      /^GitHub personal access token \(fingerprint [0-9a-f]{8}\); the value is not shown/,
    ),
    badRow(
      'an OAuth token',
      plant.value(fake.github('gho')),
      fake.github('gho'),
      'oauthToken',
      /GitHub OAuth access token/,
    ),
    badRow(
      'an app installation token',
      plant.comment(fake.github('ghs')),
      fake.github('ghs'),
      'serverToServerToken',
      /GitHub server-to-server/,
    ),
    badRow(
      'a user-to-server token',
      plant.comment(fake.github('ghu')),
      fake.github('ghu'),
      'userToServerToken',
      /GitHub user-to-server token/,
    ),
    badRow(
      'a refresh token',
      plant.comment(fake.github('ghr')),
      fake.github('ghr'),
      'refreshToken',
      /GitHub refresh token/,
    ),
    badRow(
      'a fine-grained token',
      plant.label('ci', fake.githubPat()),
      fake.githubPat(),
      'fineGrainedToken',
      /GitHub fine-grained personal access token/,
    ),
    badRow(
      'pasted against a word (no space)',
      plant.comment(`s3:ListB${token}ucket`),
      token,
      'personalAccessToken',
      /^GitHub personal access token/,
    ),
    badRow(
      'a fine-grained token against a word',
      plant.comment(`x${fake.githubPat()}y`),
      fake.githubPat(),
      'fineGrainedToken',
      /fine-grained/,
    ),
    badRow('under a token key', plant.comment(`token: ${token}`), token, 'personalAccessToken'),
  ],
});
