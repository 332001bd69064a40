import { IDENTITY, ruleTable } from '../harness.js';
import { chars, fake } from '../../secrets/fakes.js';
import { APP, plant } from '../../secrets/plant.js';
import { badRow, placements } from '../../secrets/rows.js';

const service = fake.vaultService();
const legacy = fake.vaultLegacy();

ruleTable('secret/vault-token', {
  good: [
    { name: 'a clean identity', files: { [APP]: IDENTITY } },
    {
      name: 'a host name starting with s.',
      files: { [APP]: plant.comment('see s.example.com and s.vault-prod-eu-west-1.acme.example') },
    },
    {
      name: 'a legacy-length word in lower case only',
      files: { [APP]: plant.comment(`s.${chars('abcdefghijklmnopqrstuvwxyz', 24, 'lower')}`) },
    },
    {
      name: 'a legacy-length run without digits',
      files: {
        [APP]: plant.comment(`s.${chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 24, 'nodigit')}`),
      },
    },
    { name: 'a legacy token inside a host name', files: { [APP]: plant.comment(`${legacy}.acme.example`) } },
    { name: 'after a word (words.…)', files: { [APP]: plant.comment(`items${legacy}`) } },
    { name: 'a path segment', files: { [APP]: plant.comment(`kv/data/${legacy}`) } },
    { name: 'a legacy token one character short', files: { [APP]: plant.comment(legacy.slice(0, -1)) } },
    { name: 'hvs. too short', files: { [APP]: plant.comment(service.slice(0, 93)) } },
    { name: 'an accessor-like hvs. word', files: { [APP]: plant.comment('hvs.example') } },
  ],
  bad: [
    ...placements(service, 'serviceToken', /^Vault service token \(fingerprint [0-9a-f]{8}\)/),
    badRow(
      'a batch token',
      plant.comment(`VAULT_TOKEN=${fake.vaultBatch()}`),
      fake.vaultBatch(),
      'batchToken',
      /Vault batch token/,
    ),
    badRow(
      'a legacy token in a comment',
      plant.comment(legacy),
      legacy,
      'legacyToken',
      /Vault token \(legacy s\. format\)/,
    ),
    badRow('a legacy token as a value', plant.label('vault', legacy), legacy, 'legacyToken'),
    badRow('a legacy token at the end of a sentence', plant.comment(`token was ${legacy}.`), legacy, 'legacyToken'),
    badRow('a legacy token quoted', plant.quoted(legacy), legacy, 'legacyToken'),
    badRow('a legacy token before an unterminated quote', plant.broken(legacy), legacy, 'legacyToken'),
    badRow('a legacy token in an env line', plant.comment(`export VAULT_TOKEN=${legacy}`), legacy, 'legacyToken'),
  ],
});
