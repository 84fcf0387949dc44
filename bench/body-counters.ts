/** Request bodies a service refused without reading, read and refused without parsing, and parsed. */
export type BodyCounters = { unread: number; unparsed: number; parsed: number };

/** What the service did with request bodies so far, from its /metrics (lead_pact_signature_checks_total...). */
export async function bodyCounters(url: string): Promise<BodyCounters> {
  const lines = (await (await fetch(`${url}/metrics`)).text()).split('\n');
  const value = (series: string) =>
    Number(lines.find((l) => l.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);
  const check = (outcome: string) => value(`lead_pact_signature_checks_total{outcome="${outcome}"}`);
  const unreadOutcomes = ['missing_headers', 'bad_timestamp', 'stale', 'future', 'too_large'];
  return {
    unread: unreadOutcomes.reduce((n, outcome) => n + check(outcome), 0),
    unparsed: check('mismatch'),
    parsed: value('lead_pact_request_bodies_parsed_total'),
  };
}
