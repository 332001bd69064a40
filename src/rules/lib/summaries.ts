// Repo rules' summaries of one identity travel as one JSON text (see FileOutcome.summaries).

export function packSummaries(summaries: Record<string, unknown>): string {
  for (const _ in summaries) return JSON.stringify(summaries);
  return '';
}

/** One repo rule's summary in an outcome, undefined when it has none. */
export function summaryOf(o: { summaries: string }, ruleId: string): unknown {
  return o.summaries === '' ? undefined : (JSON.parse(o.summaries) as Record<string, unknown>)[ruleId];
}
