import { dueDate, type WorkCalendar } from '@/utils/calendar/calendar';
import { feeFor, type Procedure } from '@/utils/procedures/catalogue';

/** What the panel hands the receipt slip: the procedure, its fee and the dates. */
export interface SlipRequest {
  procedureCode: string;
  fee: number | null;
  received: string;
  due: string | null;
  receivedAt: string;
}

/** What the officer enters for the fee; the exemption is '' when none applies. */
export interface FeeEntry {
  pages: number;
  copies: number;
  online: boolean;
  exemption: string;
}

export const noFeeEntry: FeeEntry = { pages: 1, copies: 1, online: false, exemption: '' };

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai, 30/11/2026" */
export function vnDateLong(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()]}, ${d}/${m}/${y}`;
}

/** A count of pages or copies as typed: a whole number, at least 1. */
export function countTyped(typed: string): number {
  return Math.max(1, Number(typed) || 1);
}

/** The ids of the procedure's papers that are ticked (the filing keeps them by name). */
export function tickedPapers(procedure: Procedure | null, papers: readonly string[]): Set<string> {
  return new Set(procedure?.papers.filter((p) => papers.includes(p.name)).map((p) => p.id) ?? []);
}

/** The papers ticked after one is ticked or unticked. */
export function withPaper(papers: readonly string[], name: string, ticked: boolean): string[] {
  return ticked ? [...papers, name] : papers.filter((n) => n !== name);
}

/** The required papers not ticked. */
export function missingPapers(procedure: Procedure | null, ticked: ReadonlySet<string>): Procedure['papers'] {
  return procedure?.papers.filter((p) => p.required && !ticked.has(p.id)) ?? [];
}

export function feeOf(procedure: Procedure | null, entry: FeeEntry): number | null {
  return procedure ? feeFor(procedure, { ...entry, exemption: entry.exemption || null }) : null;
}

/** The day received and the day results are due, when the procedure sets a number of working days. */
export function dueDates(procedure: Procedure | null, now: Date, calendar: WorkCalendar) {
  if (!procedure || procedure.processing.workingDays === null) return null;
  return dueDate(now, procedure.processing.workingDays, calendar, procedure.processing.cutoff ?? '24:00');
}

export function slipRequest(
  procedure: Procedure,
  fee: number | null,
  dates: { received: string; due: string } | null,
  now: Date,
): SlipRequest {
  return {
    procedureCode: procedure.code,
    fee,
    received: dates?.received ?? now.toISOString().slice(0, 10),
    due: dates?.due ?? null,
    receivedAt: now.toISOString(),
  };
}
