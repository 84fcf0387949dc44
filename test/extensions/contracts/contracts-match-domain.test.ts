import { GRADES, ROUTES, STAGES } from '../../../src/domain/agreement-schema';
import { REJECT_REASONS, SLA_STATUSES, TIERS, VERDICTS } from '../../../src/domain/qualification';
import { DIFF_CHANGES } from '../../../src/domain/diff-agreements';
import { SIDES, VERSION_STATUSES } from '../../../src/use-cases/agreements/ports';
import { NEXT_ACTIONS } from '../../../src/use-cases/agreements/who-acts-next';
import {
  GRADE_VALUES,
  SIDE_VALUES,
  VERSION_STATUS_VALUES,
  diffLineSchema,
  nextStepSchema,
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
    expect(SIDE_VALUES).toEqual(SIDES);
    expect(VERSION_STATUS_VALUES).toEqual(VERSION_STATUSES);
    expect(nextStepSchema.shape.action.options).toEqual(NEXT_ACTIONS);
    expect(diffLineSchema.shape.change.options).toEqual(DIFF_CHANGES);
  });
});
