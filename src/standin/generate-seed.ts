import type { StandinSeed } from './standin-state';

const TITLES = [
  '代表取締役',
  '営業部長',
  '情報システム課長',
  'Director of Sales',
  'VP Marketing',
  'Engineer',
  'Manager',
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
];
const CONVERSIONS = [
  '見積依頼',
  'Get a quote',
  '料金表ダウンロード',
  'Price list download',
  '資料請求',
  'Newsletter',
  '',
];
const INDUSTRIES = ['COMPUTER_SOFTWARE', 'MACHINERY', 'RETAIL', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE'];
const SIZES = [5, 25, 80, 150, 600, 1500, 8000];
const DAY_MS = 24 * 3600 * 1000;

/** A small deterministic PRNG (mulberry32), so a seed number always gives the same portal. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  contacts: number;
  /** Defaults to one company per 5 contacts. */
  companies?: number;
  seed?: number;
  /** Epoch ms the generated dates lie before. */
  now?: number;
}

/** Generates a plausible portal: contacts with the properties agreements read, each with a primary company. */
export function generateSeed(options: SeedOptions): StandinSeed {
  const next = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const daysAgo = (max: number) =>
    String((options.now ?? Date.UTC(2026, 10, 27)) - Math.floor(next() * max * DAY_MS));
  const companyCount = options.companies ?? Math.max(1, Math.ceil(options.contacts / 5));
  const companies = Array.from({ length: companyCount }, (_, i) => ({
    id: String(100_000 + i),
    properties: {
      name: `Company ${i + 1}`,
      numberofemployees: String(pick(SIZES)),
      industry: pick(INDUSTRIES),
    },
  }));
  const contacts = Array.from({ length: options.contacts }, (_, i) => {
    const conversion = pick(CONVERSIONS);
    const properties: Record<string, string | null> = {
      email: `contact${i + 1}@${next() < 0.02 ? 'rival.example' : `company${(i % companyCount) + 1}.example`}`,
      jobtitle: pick(TITLES),
      lifecyclestage: pick(STAGES),
      recent_conversion_event_name: conversion || null,
      recent_conversion_date: conversion ? daysAgo(60) : null,
      hs_email_last_click_date: next() < 0.4 ? daysAgo(30) : null,
      webinar_survey_answered_at: next() < 0.15 ? daysAgo(90) : null,
      notes_last_contacted: next() < 0.3 ? daysAgo(20) : null,
      num_associated_deals: String(next() < 0.1 ? 1 : 0),
    };
    return { id: String(i + 1), properties, companyId: String(100_000 + (i % companyCount)) };
  });
  return { contacts, companies };
}
