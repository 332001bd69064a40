// schema/plan.schema.json as a validator, for the e2e tests that check `plan --format json` against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { root } from './cli.js';

export const validatePlan = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(root, 'schema/plan.schema.json'), 'utf8')),
);
