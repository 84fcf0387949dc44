import type { ReportInput } from '../../../src/domain/report/report-input';
import { emptyInput, handoff, leads, tokyo } from './report-fixture';

/*
 * November 2026 in Tokyo, capacity 5, now = 1 Dec 12:00 JST.
 * Handoffs: c1 (A1, o1) touched after 6 h; c2 (A2, o1) touched after 120 h, past its due date, breach;
 * c3 (B1, o2) touched after 12 h; c4 (A1, unassigned) never touched, breach; c5 (B1, o2) handed at
 * 23:30 on 30 Nov (November in Tokyo), not due yet -> pending. c6 handed 00:30 on 1 Dec JST
 * (still 30 Nov in UTC) and c0 handed 23:30 on 31 Oct JST are not November's. c1 handed twice counts once.
 */
export const seeded: ReportInput = emptyInput({
  handoffs: [
    handoff('c0', '2026-10-31T23:30', 'A1', 'o1', '2026-11-04T23:30'),
    handoff('c1', '2026-11-02T10:00', 'A1', 'o1', '2026-11-04T10:00'),
    handoff('c2', '2026-11-05T09:00', 'A2', 'o1', '2026-11-09T09:00'),
    handoff('c3', '2026-11-10T12:00', 'B1', 'o2', '2026-11-12T12:00'),
    handoff('c4', '2026-11-20T08:00', 'A1', null, '2026-11-24T08:00'),
    handoff('c1', '2026-11-25T10:00', 'A1', 'o1', '2026-11-27T10:00'),
    handoff('c5', '2026-11-30T23:30', 'B1', 'o2', '2026-12-02T23:30'),
    handoff('c6', '2026-12-01T00:30', 'A1', 'o2', '2026-12-03T00:30'),
  ],
  firstTouches: [
    { contactId: 'c1', at: tokyo('2026-11-02T16:00') },
    { contactId: 'c1', at: tokyo('2026-11-03T09:00') },
    { contactId: 'c2', at: tokyo('2026-11-10T09:00') },
    { contactId: 'c3', at: tokyo('2026-11-11T00:00') },
    { contactId: 'c6', at: tokyo('2026-12-01T01:00') },
  ],
  slaBreaches: [
    { contactId: 'c2', at: tokyo('2026-11-09T09:00') },
    { contactId: 'c4', at: tokyo('2026-11-24T08:00') },
  ],
  verdicts: [
    { contactId: 'c1', at: tokyo('2026-11-03T10:00'), verdict: 'accepted', reason: null },
    { contactId: 'c2', at: tokyo('2026-11-11T10:00'), verdict: 'rejected', reason: 'not_ready' },
    { contactId: 'c3', at: tokyo('2026-11-11T10:00'), verdict: 'rejected', reason: 'too_small' },
    { contactId: 'c3', at: tokyo('2026-11-12T10:00'), verdict: 'accepted', reason: null },
    { contactId: 'c4', at: tokyo('2026-11-26T10:00'), verdict: 'rejected', reason: 'wrong_role' },
    { contactId: 'c6', at: tokyo('2026-12-01T02:00'), verdict: 'rejected', reason: 'bad_data' },
  ],
  recycles: [
    { contactId: 'c9', at: tokyo('2026-11-01T00:10'), cause: 'sla_no_touch' },
    { contactId: 'c2', at: tokyo('2026-11-11T10:00'), cause: 'rejected' },
    { contactId: 'c7', at: tokyo('2026-11-15T10:00'), cause: 'sla_no_progress' },
    { contactId: 'c4', at: tokyo('2026-11-24T08:00'), cause: 'sla_no_touch' },
    { contactId: 'c4', at: tokyo('2026-11-26T10:00'), cause: 'rejected' },
    { contactId: 'c8', at: tokyo('2026-12-01T00:10'), cause: 'sla_no_progress' },
  ],
  heldBack: [
    { grade: 'A1', count: 2 },
    { grade: 'B1', count: 1 },
  ],
  leads: [
    leads(
      2,
      'A1',
      'decision',
      { rules: ['company-size', 'role'], signals: ['quote-click'] },
      { handed: true, accepted: 1, rejected: 1, converted: 1 },
    ),
    leads(
      1,
      'A2',
      'comparison',
      { rules: ['company-size', 'role'], signals: ['price-list'] },
      { handed: true, rejected: 1 },
    ),
    leads(
      2,
      'B1',
      'decision',
      { rules: ['company-size'], signals: ['quote-click'] },
      { handed: true, accepted: 1, converted: 1 },
    ),
    leads(150, 'C3', 'interest', { rules: ['industry'], signals: ['doc-request'] }, { converted: 3 }),
    leads(45, 'C4', 'awareness', { version: 1 }, { converted: 1 }),
    leads(40, 'B2', 'comparison', { rules: ['company-size'], signals: ['price-list'] }, { converted: 12 }),
  ],
  history: [
    {
      month: '2026-05',
      capacity: 9,
      handed: 9,
      followUpDecided: 9,
      touchedWithinSla: 9,
      handedConverted: 9,
      byGrade: [],
    },
    {
      month: '2026-09',
      capacity: 4,
      handed: 2,
      followUpDecided: 2,
      touchedWithinSla: 2,
      handedConverted: 0,
      byGrade: [
        { grade: 'A1', leads: 1, converted: 1 },
        { grade: 'A2', leads: 4, converted: 0 },
        { grade: 'C4', leads: 5, converted: 0 },
      ],
    },
    {
      month: '2026-10',
      capacity: 4,
      handed: 4,
      followUpDecided: 4,
      touchedWithinSla: 3,
      handedConverted: 1,
      byGrade: [
        { grade: 'A1', leads: 3, converted: 2 },
        { grade: 'B1', leads: 2, converted: 0 },
        { grade: 'C3', leads: 100, converted: 1 },
        { grade: 'C4', leads: 40, converted: 0 },
      ],
    },
  ],
});
