import type { ContactSnapshot } from '../src/use-cases/ports/contacts';

const TITLES = [
  '代表取締役',
  '営業部 部長',
  'Director of IT',
  'VP Sales',
  '購買課 課長',
  'IT Manager',
  'Engineer',
  '',
];
const INDUSTRIES = ['COMPUTER_SOFTWARE', 'MACHINERY', 'RETAIL', 'LOGISTICS', ''];
const CONVERSIONS = [
  '見積依頼',
  'Get a quote',
  '料金表ダウンロード',
  'Price list',
  '資料請求',
  'Webinar',
  '',
  '',
];
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'opportunity', 'customer'];
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): every run stores the same contacts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Contacts `from`..`from + count - 1`, with the properties the example agreement reads (ids zero-padded so id order is numeric order). */
export function rescoreContacts(from: number, count: number, now: number): ContactSnapshot[] {
  const next = random(from + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const conversion = pick(CONVERSIONS);
    return {
      id: String(i + 1).padStart(8, '0'),
      properties: {
        email: `user${i}@${next() < 0.03 ? 'rival.example' : `corp${i % 997}.example`}`,
        jobtitle: pick(TITLES),
        lifecyclestage: pick(STAGES),
        recent_conversion_event_name: conversion,
        recent_conversion_date: conversion ? String(now - Math.floor(next() * 90 * DAY)) : '',
        webinar_survey_answered_at: next() < 0.3 ? String(now - Math.floor(next() * 60 * DAY)) : '',
        hs_email_last_click_date: next() < 0.4 ? String(now - Math.floor(next() * 30 * DAY)) : '',
      },
      company: { numberofemployees: String(Math.floor(Math.exp(next() * 8))), industry: pick(INDUSTRIES) },
      hsLastModified: now,
    };
  });
}
