import { propertiesRead } from '../../src/domain/properties-read';
import { agreementWith } from './builders';
import { exampleAgreement } from './example-agreement';

describe('propertiesRead', () => {
  it('lists what the example agreement and the SLA read, contact and company apart, sorted and deduplicated', () => {
    expect(propertiesRead(exampleAgreement())).toEqual({
      contact: [
        'email',
        'hs_email_last_click_date',
        'hs_last_sales_activity_timestamp',
        'hs_lastmodifieddate',
        'jobtitle',
        'lifecyclestage',
        'notes_last_contacted',
        'num_associated_deals',
        'recent_conversion_date',
        'recent_conversion_event_name',
        'webinar_survey_answered_at',
      ],
      company: ['industry', 'numberofemployees'],
    });
  });

  it('includes company properties read by signals and disqualifiers', () => {
    const agreement = agreementWith((a) => {
      a.intent.signals[0]!.when = { property: 'company.hs_num_open_deals', known: true };
      a.disqualify = [{ id: 'gov', label: 'Government', property: 'company.type', in: ['GOVERNMENT'] }];
    });
    expect(propertiesRead(agreement).company).toEqual([
      'hs_num_open_deals',
      'industry',
      'numberofemployees',
      'type',
    ]);
  });
});
