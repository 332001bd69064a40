import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-plugin-registration', {
  good: [
    {
      name: 'reading the catalog',
      files: { [at]: vault(['sys/plugins/catalog', 'read, list'], ['sys/plugins/catalog/*', 'read']) },
    },
    {
      name: 'reloading a plugin is not registering one',
      files: { [at]: vault(['sys/plugins/reload/backend', 'update']) },
    },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'update']) } },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['sys/plugins/catalog/*', 'update']) },
    },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/plugins/catalog/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'register any plugin',
      files: { [at]: vault(['sys/plugins/catalog/*', 'create, update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'pluginWrite',
          message: new RegExp(
            String.raw`Vault path "sys\/plugins\/catalog\/\*" grants create, update on the plugin catalog: it ` +
              String.raw`can register a plugin binary`,
          ),
        },
      ],
    },
    {
      name: 'one plugin',
      files: { [at]: vault(BASE, ['sys/plugins/catalog/secret/my-plugin', 'update']) },
      expect: [{ line: 30, column: 17, messageId: 'pluginWrite' }],
    },
    {
      name: 'everything below sys/plugins',
      files: { [at]: vault(['sys/plugins/*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'pluginWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/plugins/catalog/*', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'pluginWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/plugins/catalog/*', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'pluginWrite' }],
    },
  ],
});
