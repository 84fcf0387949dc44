const DAY = 86_400_000;

/**
 * The eight contacts the quiz tests score under the example agreement, as of `now`: Directors 1-4 at 1,200-person
 * software companies who asked for a quote 3 days ago (A2, sales-ready) and Managers 1-4 at 150-person retailers who
 * requested documents 5 days ago (C3, nurture), interleaved (Director 1, Manager 1, Director 2, ...).
 */
export function quizContacts(now: number) {
  const director = (n: number) => ({
    id: String(200 + n),
    properties: {
      jobtitle: `Director ${n}`,
      recent_conversion_event_name: 'Newsletter: get a quote',
      recent_conversion_date: new Date(now - 3 * DAY).toISOString(),
    },
    company: { numberofemployees: '1200', industry: 'COMPUTER_SOFTWARE' },
  });
  const manager = (n: number) => ({
    id: String(300 + n),
    properties: {
      jobtitle: `Manager ${n}`,
      recent_conversion_event_name: 'Web ad: document request',
      recent_conversion_date: new Date(now - 5 * DAY).toISOString(),
    },
    company: { numberofemployees: '150', industry: 'RETAIL' },
  });
  return [1, 2, 3, 4].flatMap((n) => [director(n), manager(n)]);
}
