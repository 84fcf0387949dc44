import type { Locale } from '../qualification';
import {
  MAX_PREVIEWED_CONTACTS,
  PREVIEW_RECYCLE_CAUSES,
  type RecyclingPreviewResult,
} from './recycling-preview';

/** Contacts the text report lists with their reasons (`--json` lists up to `MAX_PREVIEWED_CONTACTS`). */
export const RENDERED_PREVIEWED_CONTACTS = 10;

const inline = (counts: Readonly<Record<string, number>>, keys: readonly string[]) =>
  keys.map((key) => `${key} ${counts[key] ?? 0}`).join(' · ');

/** The recycling section of `simulate`'s text report: counts, then the first contacts with their reasons. */
export function renderRecycling(preview: RecyclingPreviewResult, locale: Locale = 'en'): string[] {
  const { recycled } = preview;
  const lines = [
    `Recycling (the agreement's SLA at --now): ${recycled.total} recycled, ${preview.sla.breached} breached` +
      ` of ${preview.handedOver} handed to sales`,
    `  SLA:      ${inline(preview.sla, ['on_track', 'met', 'breached'])}`,
    `  Recycled: ${inline(recycled, PREVIEW_RECYCLE_CAUSES)}`,
  ];
  if (preview.undated > 0) {
    lines.push(
      `  ${preview.undated} sales-ready ${preview.undated === 1 ? 'contact has' : 'contacts have'} no readable` +
        ' lead_pact_qualified_at: the SLA was not applied',
    );
  }
  const shown = preview.contacts.slice(0, RENDERED_PREVIEWED_CONTACTS);
  const width = Math.max(0, ...shown.map((c) => c.id.length));
  for (const c of shown) {
    const what = c.recycled ? 'recycled' : 'breached';
    lines.push(`  ${c.id.padEnd(width)}  ${what.padEnd(8)}  ${c.reasons[locale]}`);
  }
  const left = preview.contacts.length - shown.length + preview.more;
  const json = preview.more > 0 ? `--json lists the first ${MAX_PREVIEWED_CONTACTS}` : '--json lists them';
  if (left > 0) lines.push(`  ... and ${left} more (${json})`);
  return lines;
}
