// Reading a stack's exported state (`pulumi stack export`, Automation API exportStack): operations
// a killed run left pending, and the protection of resources whose identity is now a tombstone.
// Pure; the deployment format is Pulumi's apitype.UntypedDeployment (version 3).

export interface PendingOperation {
  urn: string;
  type: string;
  /** creating | updating | deleting | reading | importing. */
  op: string;
}

interface StateResource {
  urn?: unknown;
  type?: unknown;
  protect?: unknown;
}

function deploymentOf(
  exported: unknown,
): { resources?: StateResource[]; pending_operations?: { resource?: StateResource; type?: unknown }[] } | null {
  if (exported === null || typeof exported !== 'object') return null;
  const d = (exported as { deployment?: unknown }).deployment;
  return d !== null && typeof d === 'object' ? d : null;
}

export function pendingOperations(exported: unknown): PendingOperation[] {
  const ops = deploymentOf(exported)?.pending_operations ?? [];
  return ops
    .map((o) => ({
      urn: field(o.resource?.urn),
      type: field(o.resource?.type),
      op: field(o.type),
    }))
    .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/** A field of the state as text: Pulumi writes strings there; '?' where it is missing. */
function field(value: unknown): string {
  if (value === undefined || value === null) return '?';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a malformed state's value is shown as it is
  return typeof value === 'string' ? value : String(value);
}

/** The logical name in a URN (`urn:pulumi:stack::project::type::name`). */
export function urnName(urn: string): string {
  return urn.slice(urn.lastIndexOf('::') + 2);
}

/** The identity a logical name belongs to (`<identity>.<target>.<part>`). */
export function identityOfName(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/**
 * A decommissioned identity's manifest is the explicit decision to delete it, so its resources lose
 * Pulumi's protection; an identity whose manifest merely vanished keeps it, and the apply stops on
 * the protected delete (the guard against a deleted folder or a parser returning nothing).
 * Returns the edited deployment and the URNs unprotected, or null when nothing changes.
 */
export function unprotectTombstones(
  exported: unknown,
  tombstones: ReadonlySet<string>,
): { deployment: unknown; urns: string[] } | null {
  const d = deploymentOf(exported);
  if (!d?.resources || tombstones.size === 0) return null;
  const urns: string[] = [];
  const resources = d.resources.map((r) => {
    if (r.protect === true && typeof r.urn === 'string' && tombstones.has(identityOfName(urnName(r.urn)))) {
      urns.push(r.urn);
      return { ...r, protect: false };
    }
    return r;
  });
  if (urns.length === 0) return null;
  return { deployment: { ...(exported as object), deployment: { ...d, resources } }, urns: urns.sort() };
}
