// Whether a value read from the estate fits the manifest field it is headed for (pattern, length),
// checked against the schema itself so the reader and the loader can never disagree: a value that
// does not fit is reported as not expressible instead of making a manifest that will not load.

import { machineIdentitySchema } from '../../../manifest/schemas.js';

type Node = { $ref?: string; pattern?: string; minLength?: number; maxLength?: number; [k: string]: unknown };

const cache = new Map<string, (v: string) => boolean>();

function resolve(node: Node): Node {
  const defs = machineIdentitySchema.definitions as Record<string, Node>;
  return node.$ref !== undefined ? resolve(defs[node.$ref.replace('#/definitions/', '')]!) : node;
}

/**
 * A string field of the MachineIdentity schema by its path from `definitions`, through `properties`
 * (`fits('awsTrustOidc.audience', v)`, `fits('access.aws.trust.github.repository', v)`).
 */
export function fits(path: string, value: string): boolean {
  let test = cache.get(path);
  if (test === undefined) {
    const [def, ...props] = path.split('.');
    let node = resolve((machineIdentitySchema.definitions as Record<string, Node>)[def!]!);
    for (const p of props) node = resolve((node.properties as Record<string, Node>)[p]!);
    const re = node.pattern !== undefined ? new RegExp(node.pattern, 'u') : null;
    const { minLength = 0, maxLength = Infinity } = node;
    test = (v) => v.length >= minLength && v.length <= maxLength && (re === null || re.test(v));
    cache.set(path, test);
  }
  return test(value);
}
