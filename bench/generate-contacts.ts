import type { ContactRecord } from '../src/domain/qualification';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run scores the same contacts. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  '代表取締役社長',
  '取締役 営業本部長',
  '製造本部 本部長',
  '情報システム部 部長',
  '購買部 課長',
  'マーケティング課 課長',
  '営業部',
  '総務部 担当',
  '工場長',
  'ＶＰ Sales',
  'VP of Engineering',
  'Vice President, Operations',
  'Director of IT',
  'Head of Marketing',
  'Chief Technology Officer',
  'IT Manager',
  'Procurement Manager',
  'Software Engineer',
  'Marketing Coordinator',
  'Owner',
  'MVP Program Lead',
  'Sales Representative',
  '',
  '  ',
];
const INDUSTRIES = [
  'COMPUTER_SOFTWARE',
  'MACHINERY',
  'RETAIL',
  'LOGISTICS_AND_SUPPLY_CHAIN',
  'HOSPITAL_HEALTH_CARE',
  '',
];
const CONVERSIONS = [
  '見積依頼 - ニュースレター',
  'Get a quote (newsletter)',
  '料金表ダウンロード',
  'Price list download',
  '資料請求（Web広告）',
  'Document request - web ad',
  'Webinar: lead scoring 101',
  'Contact us',
  '',
  '',
];
const STAGES = [
  'subscriber',
  'lead',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  '',
];
const DAY = 86_400_000;

/** Column names of the generated contacts, in CSV order (internal names, company columns prefixed). */
export const CSV_COLUMNS = [
  'hs_object_id',
  'email',
  'jobtitle',
  'lifecyclestage',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'webinar_survey_answered_at',
  'hs_email_last_click_date',
  'num_associated_deals',
  'company.numberofemployees',
  'company.industry',
] as const;

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function date(next: () => number, now: number): string {
  const at = now - Math.floor(next() * 120 * DAY);
  const form = next();
  if (form < 0.5) return new Date(at).toISOString();
  if (form < 0.8) return String(at);
  if (form < 0.97) return new Date(at).toISOString().slice(0, 10);
  return 'not a date';
}

function employees(next: () => number): string {
  const n = Math.floor(Math.exp(next() * 9));
  const form = next();
  return form < 0.7 ? String(n) : form < 0.9 ? n.toLocaleString('en-US') : form < 0.95 ? 'n/a' : '';
}

/** One varied contact: Japanese and English titles, numbers with and without separators, dates in every form, odd values. */
export function generateContact(next: () => number, index: number, now: number): ContactRecord {
  const conversion = pick(next, CONVERSIONS);
  const properties: Record<string, string> = {
    hs_object_id: String(index + 1),
    email: `user${index}@${next() < 0.03 ? 'rival.example' : 'corp' + (index % 997) + '.example'}`,
    jobtitle: pick(next, TITLES),
    lifecyclestage: pick(next, STAGES),
    recent_conversion_event_name: conversion,
    recent_conversion_date: conversion === '' ? '' : date(next, now),
    webinar_survey_answered_at: next() < 0.3 ? date(next, now) : '',
    hs_email_last_click_date: next() < 0.4 ? String(now - Math.floor(next() * 30 * DAY)) : '',
    num_associated_deals: next() < 0.1 ? '1' : '0',
  };
  return {
    id: properties.hs_object_id as string,
    properties,
    company: { numberofemployees: employees(next), industry: pick(next, INDUSTRIES) },
  };
}

/** `count` varied contacts from `seed`. */
export function generateContacts(count: number, seed: number, now: number): ContactRecord[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => generateContact(next, i, now));
}
