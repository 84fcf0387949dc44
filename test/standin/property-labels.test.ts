import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { createStandin, type StandinOptions } from '../../src/standin/create-standin';

const running: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

async function gatewayOn(options: StandinOptions) {
  const { url, close } = await createStandin(options).listen(0);
  running.push(close);
  return createApiClientGateway({ accessToken: 'standin-token', basePath: url });
}

describe("the stand-in's property definitions", () => {
  it('When the account is Japanese, then HubSpot-defined contact and company properties come with Japanese labels and option labels', async () => {
    const gateway = await gatewayOn({ language: 'ja' });
    const contact = await gateway.listProperties('contacts');
    expect(contact.find((p) => p.name === 'hs_object_id')?.label).toBe('レコードID');
    expect(contact.find((p) => p.name === 'lifecyclestage')?.options).toContainEqual({
      value: 'opportunity',
      label: '商談',
    });
    const company = await gateway.listProperties('companies');
    expect(company.find((p) => p.name === 'domain')?.label).toBe('会社のドメイン名');
  });

  it('When no language is set, then the labels are English, and properties the app created are listed with them', async () => {
    const gateway = await gatewayOn({});
    await gateway.ensureProperties();
    const contact = await gateway.listProperties('contacts');
    expect(contact.find((p) => p.name === 'lifecyclestage')).toMatchObject({ label: 'Lifecycle Stage' });
    expect(contact.some((p) => p.name.startsWith('lead_pact_'))).toBe(true);
    const company = await gateway.listProperties('companies');
    expect(company.find((p) => p.name === 'numberofemployees')?.label).toBe('Number of Employees');
  });
});
