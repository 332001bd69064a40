// Cluster objects for the Kubernetes reader tests: what idac compiles, printed the way
// `kubectl get … -o json` prints it once applied (a List of objects with full metadata), and the
// recorded dump of a realistic cluster in test/fixtures/estate/kubernetes/.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DesiredResource } from '../../../src/compile/types.js';

export const DUMPS = fileURLToPath(new URL('../../fixtures/estate/kubernetes/', import.meta.url));

/** The recorded dump of the acme prod-eu cluster as text, and parsed. */
export const ACME_DUMP_TEXT = readFileSync(`${DUMPS}acme-prod-eu.json`, 'utf8');

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
}

export function acmeDump(): { kind: 'List'; items: KubeObject[] } {
  return JSON.parse(ACME_DUMP_TEXT) as { kind: 'List'; items: KubeObject[] };
}

/** The compiled Kubernetes resources as the API server returns them (uid, resourceVersion, timestamps added). */
export function asApplied(resources: readonly DesiredResource[]): KubeObject[] {
  return resources
    .filter((r) => r.type.startsWith('kubernetes:'))
    .map((r) => {
      const [, groupVersion, kind] = /^kubernetes:(.+):(\w+)$/.exec(r.type)!;
      const apiVersion = groupVersion!.replace(/^core\//, '');
      const inputs = r.inputs as { metadata: KubeObject['metadata'] } & Record<string, unknown>;
      const uid = createHash('sha256').update(r.name).digest('hex').slice(0, 32);
      return {
        ...JSON.parse(JSON.stringify(inputs)),
        apiVersion,
        kind: kind!,
        metadata: {
          ...inputs.metadata,
          creationTimestamp: '2026-06-01T09:00:00Z',
          resourceVersion: '52311',
          uid: `${uid.slice(0, 8)}-${uid.slice(8, 12)}-${uid.slice(12, 16)}-${uid.slice(16, 20)}-${uid.slice(20)}`,
        },
      } as KubeObject;
    });
}

/** Objects as one `kind: List` document, the way kubectl prints several resource types at once. */
export function list(items: readonly KubeObject[]): string {
  return JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4);
}
