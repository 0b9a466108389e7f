import type { FilingPeople, FilingStatus, FilingView } from '@/utils/db/filing-schema';
import { statusLabels } from '@/utils/db/filing-schema';

/**
 * The dashboard's view of the log: filters and the figures the charts show, over the filings' current
 * states, in memory (100,000 filings filter in a few milliseconds). Days are Vietnam's (UTC+7).
 */
export interface FilingFilter {
  from: string | null;
  to: string | null;
  officerId: string | null;
  procedureCode: string | null;
  status: FilingStatus | null;
  counterId: string | null;
}

export const noFilter: FilingFilter = {
  from: null,
  to: null,
  officerId: null,
  procedureCode: null,
  status: null,
  counterId: null,
};

const vnOffsetMs = 7 * 3600_000;

/** The Vietnamese calendar day (yyyy-mm-dd) of an ISO instant. */
export function vnDay(iso: string): string {
  return new Date(Date.parse(iso) + vnOffsetMs).toISOString().slice(0, 10);
}

/** A yyyy-mm-dd day as Vietnamese officers write it: dd/mm/yyyy. */
export function vnDateLabel(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** An ISO instant in Vietnam's time (UTC+7), as dd/mm/yyyy HH:mm (with `:ss` when asked). */
export function vnDateTime(iso: string, seconds = false): string {
  const local = new Date(Date.parse(iso) + vnOffsetMs).toISOString();
  return `${vnDateLabel(local.slice(0, 10))} ${local.slice(11, seconds ? 19 : 16)}`;
}

export function applyFilter(filings: FilingView[], f: FilingFilter): FilingView[] {
  return filings.filter((e) => {
    if (f.officerId && e.officerId !== f.officerId) return false;
    if (f.procedureCode && e.procedureCode !== f.procedureCode) return false;
    if (f.status && e.status !== f.status) return false;
    if (f.counterId && e.counterId !== f.counterId) return false;
    if (f.from || f.to) {
      const day = vnDay(e.at);
      if (f.from && day < f.from) return false;
      if (f.to && day > f.to) return false;
    }
    return true;
  });
}

export interface Summary {
  total: number;
  byStatus: Record<FilingStatus, number>;
  perDay: Array<[string, number]>;
  perProcedure: Array<[string, number]>;
  perOfficer: Array<[string, number]>;
  medianMsToFill: number | null;
  medianMsToSubmit: number | null;
  /** Fields filled right away / every field the filler saw. */
  filledShare: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function counted(map: Map<string, number>, byKey = false): Array<[string, number]> {
  return [...map.entries()].sort(
    byKey ? (a, b) => (a[0] < b[0] ? -1 : 1) : (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
}

export function summarize(filings: FilingView[]): Summary {
  const byStatus: Record<FilingStatus, number> = { draft: 0, submitted: 0, cancelled: 0 };
  const perDay = new Map<string, number>();
  const perProcedure = new Map<string, number>();
  const perOfficer = new Map<string, number>();
  const toFill: number[] = [];
  const toSubmit: number[] = [];
  let filled = 0;
  let seen = 0;
  for (const e of filings) {
    byStatus[e.status] += 1;
    const day = vnDay(e.at);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const procedure = e.procedureName ?? 'Chưa rõ thủ tục';
    perProcedure.set(procedure, (perProcedure.get(procedure) ?? 0) + 1);
    perOfficer.set(e.officerName, (perOfficer.get(e.officerName) ?? 0) + 1);
    if (e.msToFill !== null) toFill.push(e.msToFill);
    if (e.msToSubmit !== null) toSubmit.push(e.msToSubmit);
    filled += e.fields.filled;
    seen += e.fields.filled + e.fields.check + e.fields.missing;
  }
  return {
    total: filings.length,
    byStatus,
    perDay: counted(perDay, true),
    perProcedure: counted(perProcedure),
    perOfficer: counted(perOfficer),
    medianMsToFill: median(toFill),
    medianMsToSubmit: median(toSubmit),
    filledShare: seen > 0 ? filled / seen : null,
  };
}

/** The filtered view as a table for CSV / XLSX: one row per filing, people as "role: name (masked ID)". */
/** "Trần Bảo An (0011•••••111); …": each person once, though they hold several blocks of the form. */
export function peopleLine(people: FilingPeople['people']): string {
  const seen = new Set<string>();
  return people
    .filter((p) => !seen.has(p.personId) && seen.add(p.personId))
    .map((p) => `${p.name}${p.maskedId ? ` (${p.maskedId})` : ''}`)
    .join('; ');
}

export function filingsTable(
  filings: FilingView[],
  people: (e: FilingView) => FilingPeople | null,
  counterName: (id: string) => string,
): string[][] {
  const header = [
    'Thời điểm',
    'Quầy',
    'Cán bộ',
    'Mã thủ tục',
    'Thủ tục',
    'Trạng thái',
    'Mã hồ sơ',
    'Công dân',
    'Ô đã điền',
    'Ô cần xem',
    'Ô chưa điền',
    'Giây đến khi điền',
    'Giây đến khi nộp',
    'Cổng',
    'Ghi chú',
  ];
  const seconds = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));
  return [
    header,
    ...filings.map((e) => {
      const part = people(e);
      return [
        vnDateTime(e.at),
        counterName(e.counterId),
        e.officerName,
        e.procedureCode ?? '',
        e.procedureName ?? '',
        statusLabels[e.status],
        e.dossierCode ?? '',
        peopleLine(part?.people ?? []),
        String(e.fields.filled),
        String(e.fields.check),
        String(e.fields.missing),
        seconds(e.msToFill),
        seconds(e.msToSubmit),
        e.portalHost,
        part?.note ?? '',
      ];
    }),
  ];
}
