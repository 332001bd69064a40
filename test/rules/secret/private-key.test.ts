import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';
import { chars, fake } from '../../secrets/fakes.js';
import { APP, ORG_FILE, plant, where } from '../../secrets/plant.js';
import { badRow } from '../../secrets/rows.js';

const key = fake.privateKey();
const ssh = fake.opensshKey();
const indent = (s: string, by: string) =>
  s
    .split('\n')
    .map((l) => by + l)
    .join('\n');
const block = (s: string) =>
  edit(IDENTITY, '  name: app\n', `  name: app\n  labels:\n    tls: |\n${indent(s, '      ')}\n`);
const begin = (s: string) => s.slice(0, s.indexOf('\n'));
const dashes = '-'.repeat(5);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const pemOf = (kind: string, body: string) => `${dashes}BEGIN ${kind}${dashes}\n${body}\n${dashes}END ${kind}${dashes}`;
const ec = (n: number) => pemOf(['EC', 'PRIVATE', 'KEY'].join(' '), `MHcC${chars(B64, n - 4, `ec${n}`)}`);
const pgp = pemOf(
  ['PGP', 'PRIVATE', 'KEY', 'BLOCK'].join(' '),
  `Version: GnuPG v2\n\nlQOYBF${chars(B64, 300, 'pgp')
    .match(/.{1,64}/g)!
    .join('\n')}\n=Xk9m`,
);

ruleTable('secret/private-key', {
  good: [
    { name: 'a clean identity', files: { [APP]: IDENTITY } },
    {
      name: 'a placeholder body',
      files: { [APP]: block(`${begin(key)}\n...\n${dashes}END RSA PRIVATE KEY${dashes}`) },
    },
    { name: 'a public key', files: { [APP]: block(key.replace(/RSA PRIVATE/g, 'PUBLIC')) } },
    { name: 'a certificate', files: { [APP]: block(key.replace(/RSA PRIVATE KEY/g, 'CERTIFICATE')) } },
    { name: 'the header alone in prose', files: { [APP]: plant.comment(`never paste a ${begin(key)} block here`) } },
    { name: 'a body of 63 characters', files: { [APP]: block(ec(63)) } },
    {
      name: 'a redacted body',
      files: { [APP]: block(pemOf(['EC', 'PRIVATE', 'KEY'].join(' '), `MHcC${'x'.repeat(80)}\n<redacted>`)) },
    },
    { name: 'BEGIN and END of different kinds', files: { [APP]: block(ec(200).replace(/END EC/, 'END RSA')) } },
  ],
  bad: [
    badRow(
      'in a literal block scalar',
      block(key),
      begin(key),
      'privateKey',
      /^private key block \(fingerprint [0-9a-f]{8}\)/,
    ),
    badRow('an OpenSSH key', block(ssh), begin(ssh), 'privateKey'),
    badRow('a body of 64 characters (shorter than secretlint looks for)', block(ec(64)), begin(ec(64)), 'privateKey'),
    badRow('a PGP private key block with armor headers', block(pgp), begin(pgp), 'privateKey'),
    (() => {
      const text = `${block(ec(120))}# and\n${indent(ssh, '# ')}\n`;
      return {
        name: 'two keys in one file',
        files: { [APP]: text },
        expect: [
          { ...where(text, begin(ec(120))), messageId: 'privateKey' },
          { ...where(text, begin(ssh)), messageId: 'privateKey' },
        ],
      };
    })(),
    badRow(
      'in a double-quoted string with \\n escapes',
      plant.label('tls', `"${key.replace(/\n/g, '\\n')}"`),
      begin(key),
      'privateKey',
    ),
    badRow('commented out line by line', `${IDENTITY}${indent(key, '# ')}\n`, begin(key), 'privateKey'),
    badRow('in a file that fails to parse', `${plant.broken('x')}\n${key}\n`, begin(key), 'privateKey'),
    badRow('in a second YAML document', `${IDENTITY}---\nkey: |\n${indent(key, '  ')}\n`, begin(key), 'privateKey'),
    badRow('in org.yaml', `${ORG}# tls:\n${indent(key, '#   ')}\n`, begin(key), 'privateKey', undefined, ORG_FILE),
  ],
});
