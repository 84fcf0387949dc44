import { GRADES, ROUTES, STAGES } from '../../../src/domain/agreement-schema';
import { REJECT_REASONS, SLA_STATUSES, TIERS, VERDICTS } from '../../../src/domain/qualification';
import {
  GRADE_VALUES,
  REJECT_REASON_VALUES,
  ROUTE_VALUES,
  SLA_STATUS_VALUES,
  STAGE_VALUES,
  TIER_VALUES,
  VERDICT_VALUES,
} from '../../../src/contracts';

describe('API contract value sets', () => {
  it('speak exactly the domain values (the contracts package repeats them so it can ship alone)', () => {
    expect(TIER_VALUES).toEqual(TIERS);
    expect(STAGE_VALUES).toEqual(STAGES);
    expect(ROUTE_VALUES).toEqual(ROUTES);
    expect(SLA_STATUS_VALUES).toEqual(SLA_STATUSES);
    expect(VERDICT_VALUES).toEqual(VERDICTS);
    expect(REJECT_REASON_VALUES).toEqual(REJECT_REASONS);
    expect(GRADE_VALUES).toEqual(GRADES);
  });
});
