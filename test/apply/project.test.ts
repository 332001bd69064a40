import { describe, expect, it } from 'vitest';
import { backendFor, parseProject, secretsProblem } from '../../src/apply/project.js';
import { messageOf } from '../../src/common/result.js';

describe('parseProject (pulumi.yaml)', () => {
  it.each([
    ['name: idac\nruntime: nodejs\n', { name: 'idac', runtime: 'nodejs' }],
    [
      'name: acme-identities\nruntime: { name: nodejs, options: { typescript: false } }\ndescription: ' +
        'x\nbackend: { url: "s3://bucket/idac" }\n',
      { name: 'acme-identities', runtime: 'nodejs', description: 'x', backend: { url: 's3://bucket/idac' } },
    ],
    ['name: minimal\n', { name: 'minimal', runtime: 'nodejs' }],
  ])('%j', (text, value) => {
    expect(parseProject(text, 'pulumi.yaml')).toEqual({ ok: true, value });
  });

  it.each([
    ['name: [a\n', 'pulumi.yaml: not valid YAML'],
    ['- a\n', 'pulumi.yaml: expected a mapping with at least `name`'],
    ['runtime: nodejs\n', 'pulumi.yaml: `name` must be a Pulumi project name'],
    ['name: "a b"\n', 'pulumi.yaml: `name` must be a Pulumi project name'],
    ['name: a\nbackend: s3://x\n', 'pulumi.yaml: `backend.url` must be a string'],
  ])('refuses %j', (text, message) => {
    const r = parseProject(text, 'pulumi.yaml');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : messageOf(r)).toContain(message);
  });
});

describe('backendFor', () => {
  const project = { name: 'p', runtime: 'nodejs', backend: { url: 's3://from-project' } };
  it.each([
    [{ PULUMI_BACKEND_URL: 'file:///abs/state' }, project, { url: 'file:///abs/state', from: 'PULUMI_BACKEND_URL' }],
    [{}, project, { url: 's3://from-project', from: 'pulumi.yaml' }],
    [{}, { name: 'p', runtime: 'nodejs' }, { url: null, from: 'default' }],
    [{ PULUMI_BACKEND_URL: '' }, { name: 'p', runtime: 'nodejs' }, { url: null, from: 'default' }],
    [
      { PULUMI_BACKEND_URL: 'file://.pulumi-state' },
      project,
      { url: 'file:///repo/.pulumi-state', from: 'PULUMI_BACKEND_URL' },
    ],
    [{ PULUMI_BACKEND_URL: 'file://~' }, project, { url: 'file://~', from: 'PULUMI_BACKEND_URL' }],
    [
      { PULUMI_BACKEND_URL: 'https://api.pulumi.com' },
      project,
      { url: 'https://api.pulumi.com', from: 'PULUMI_BACKEND_URL' },
    ],
  ])('%j with %j', (env, p, backend) => {
    expect(backendFor(env, p, '/repo')).toEqual(backend);
  });
});

describe('secretsProblem', () => {
  const file = { url: 'file:///s', from: 'PULUMI_BACKEND_URL' as const };
  it.each([
    [file, null, {}, true],
    [file, 'passphrase', {}, true],
    [file, null, { PULUMI_CONFIG_PASSPHRASE: 'x' }, false],
    [file, null, { PULUMI_CONFIG_PASSPHRASE_FILE: '/p' }, false],
    [file, 'awskms://alias/idac', {}, false],
    [{ url: 's3://b', from: 'pulumi.yaml' as const }, null, {}, true],
    [{ url: 'https://api.pulumi.com', from: 'pulumi.yaml' as const }, null, {}, false],
    [{ url: null, from: 'default' as const }, null, {}, false],
  ])('%j, %j, %j → problem %s', (backend, provider, env, problem) => {
    expect(secretsProblem(backend, provider, env) !== null).toBe(problem);
  });
});
