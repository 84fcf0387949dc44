import type { StandinProperty } from './standin-state';

/** The language the stand-in's account shows HubSpot-defined property labels in. */
export type StandinLanguage = 'en' | 'ja';

type Labelled = { en: string; ja: string };
interface StandardProperty {
  name: string;
  label: Labelled;
  type: string;
  fieldType: string;
  groupName: string;
  options?: { value: string; label: Labelled }[];
}

// Labels of a Japanese account. Verified in HubSpot's Japanese documentation: レコードID
// (https://developers.hubspot.jp/docs/api/crm/contacts), ライフサイクルステージ
// (https://knowledge.hubspot.com/ja/properties/hubspots-default-contact-properties), 関連付けられている取引
// (https://knowledge.hubspot.com/jp/articles/kcs_article/contacts/list-of-hubspot-s-default-contact-properties),
// 会社のドメイン名 and 国 (https://knowledge.hubspot.com/ja/properties/hubspot-crm-default-company-properties).
// The others are the stand-in's own plausible Japanese, for tests: a real portal's come from its properties API.
const LIFECYCLE_OPTIONS = [
  { value: 'subscriber', label: { en: 'Subscriber', ja: 'サブスクライバー' } },
  { value: 'lead', label: { en: 'Lead', ja: 'リード' } },
  {
    value: 'marketingqualifiedlead',
    label: { en: 'Marketing Qualified Lead', ja: 'マーケティングクオリファイドリード' },
  },
  { value: 'salesqualifiedlead', label: { en: 'Sales Qualified Lead', ja: 'セールスクオリファイドリード' } },
  { value: 'opportunity', label: { en: 'Opportunity', ja: '商談' } },
  { value: 'customer', label: { en: 'Customer', ja: '顧客' } },
  { value: 'evangelist', label: { en: 'Evangelist', ja: 'エバンジェリスト' } },
  { value: 'other', label: { en: 'Other', ja: 'その他' } },
];

const INDUSTRY_OPTIONS = [
  { value: 'COMPUTER_SOFTWARE', label: { en: 'Computer Software', ja: 'コンピューターソフトウェア' } },
  {
    value: 'INFORMATION_TECHNOLOGY_AND_SERVICES',
    label: { en: 'Information Technology and Services', ja: '情報技術・サービス' },
  },
  { value: 'MACHINERY', label: { en: 'Machinery', ja: '機械' } },
  { value: 'FINANCIAL_SERVICES', label: { en: 'Financial Services', ja: '金融サービス' } },
];

const text = (name: string, en: string, ja: string, groupName: string): StandardProperty => ({
  name,
  label: { en, ja },
  type: 'string',
  fieldType: 'text',
  groupName,
});
const number = (name: string, en: string, ja: string, groupName: string): StandardProperty => ({
  ...text(name, en, ja, groupName),
  type: 'number',
  fieldType: 'number',
});
const dateTime = (name: string, en: string, ja: string, groupName: string): StandardProperty => ({
  ...text(name, en, ja, groupName),
  type: 'datetime',
  fieldType: 'date',
});
const select = (
  name: string,
  en: string,
  ja: string,
  groupName: string,
  options: StandardProperty['options'],
): StandardProperty => ({
  ...text(name, en, ja, groupName),
  type: 'enumeration',
  fieldType: 'select',
  ...(options ? { options } : {}),
});

const CONTACT: readonly StandardProperty[] = [
  number('hs_object_id', 'Record ID', 'レコードID', 'contactinformation'),
  text('firstname', 'First Name', '名', 'contactinformation'),
  text('lastname', 'Last Name', '姓', 'contactinformation'),
  text('email', 'Email', 'Eメール', 'contactinformation'),
  text('jobtitle', 'Job Title', '役職', 'contactinformation'),
  text('numemployees', 'Number of Employees', '従業員数', 'contactinformation'),
  select('industry', 'Industry', '業種', 'contactinformation', INDUSTRY_OPTIONS),
  select(
    'lifecyclestage',
    'Lifecycle Stage',
    'ライフサイクルステージ',
    'contactinformation',
    LIFECYCLE_OPTIONS,
  ),
  text('recent_conversion_event_name', 'Recent Conversion', '最新のコンバージョン', 'conversioninformation'),
  dateTime(
    'recent_conversion_date',
    'Recent Conversion Date',
    '最新のコンバージョン日',
    'conversioninformation',
  ),
  number('num_associated_deals', 'Number of Associated Deals', '関連付けられている取引', 'deal_information'),
  dateTime('notes_last_contacted', 'Last Contacted', '最終コンタクト日', 'sales_properties'),
];

const COMPANY: readonly StandardProperty[] = [
  number('hs_object_id', 'Record ID', 'レコードID', 'companyinformation'),
  text('name', 'Company name', '会社名', 'companyinformation'),
  text('domain', 'Company Domain Name', '会社のドメイン名', 'companyinformation'),
  number('numberofemployees', 'Number of Employees', '従業員数', 'companyinformation'),
  select('industry', 'Industry', '業種', 'companyinformation', INDUSTRY_OPTIONS),
  text('country', 'Country/Region', '国', 'companyinformation'),
  number('annualrevenue', 'Annual Revenue', '年間売上高', 'companyinformation'),
];

/** HubSpot-defined properties of contacts or companies as the account shows them, labels in `language`. */
export function standardProperties(
  objectType: 'contacts' | 'companies',
  language: StandinLanguage,
): StandinProperty[] {
  return (objectType === 'contacts' ? CONTACT : COMPANY).map((p) => ({
    name: p.name,
    label: p.label[language],
    type: p.type,
    fieldType: p.fieldType,
    groupName: p.groupName,
    options: (p.options ?? []).map((o, i) => ({ value: o.value, label: o.label[language], displayOrder: i })),
  }));
}
