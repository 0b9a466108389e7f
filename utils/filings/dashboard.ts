import type { CounterRow } from '@/utils/db/database';
import type { FilingPeople, FilingView } from '@/utils/db/filing-schema';
import { isMessageKey, type Language, type Params, type Translate } from '@/utils/i18n';
import { tableCsv, tableXlsx } from '@/utils/records/export';
import { type ExportFile, exportFile, stamp } from '@/utils/records/export-file';
import type { CounterCheck, IntegrityProblem } from '@/utils/filings/integrity';
import { peopleLine } from '@/utils/filings/view';

/** The choices of a filter: [value, text] pairs, each value once, in the order first seen. */
export type Options = Array<[string, string]>;

export function officerOptions(filings: readonly FilingView[]): Options {
  return [...new Map(filings.map((f) => [f.officerId, f.officerName])).entries()];
}

export function procedureOptions(filings: readonly FilingView[]): Options {
  const named = filings.flatMap((f) =>
    f.procedureCode ? [[f.procedureCode, f.procedureName ?? f.procedureCode]] : [],
  );
  return [...new Map(named as Options).entries()];
}

/** A counter's name, or the start of its id for a counter not known here. */
export function counterNamer(counters: readonly CounterRow[]): (id: string) => string {
  return (id) => counters.find((c) => c.id === id)?.name ?? id.slice(0, 6);
}

/** The name a counter has until someone names it (utils/filings/counter). */
export function isUnnamed(name: string): boolean {
  return name.startsWith('Quầy chưa đặt tên');
}

/** One line of the integrity check for a counter: intact, or every problem at its entry. */
export function verdict(t: Translate, check: CounterCheck, counter: string): string {
  if (check.problems.length === 0) return t('dash.verify.ok', { counter, count: check.count });
  return t('dash.verify.bad', { counter, reasons: check.problems.map((p) => problemText(t, p)).join('; ') });
}

function problemText(t: Translate, problem: IntegrityProblem): string {
  const { code, ...params } = problem;
  return t(code, params as Params);
}

/** A filing's role in the language (the log keeps the form's role code, e.g. "subject"); a role with no name here stays a code. */
export function roleName(t: Translate, role: string): string {
  const key = `dash.role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** A median time in whole seconds, or a dash when there is none. */
export function secondsText(t: Translate, ms: number | null): string {
  return ms === null ? '—' : t('dash.seconds', { value: Math.round(ms / 1000) });
}

export function percentText(language: Language, ratio: number | null): string {
  if (ratio === null) return '—';
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  return `${(ratio * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
}

/** A report's day (yyyy-mm-dd) as dd/mm/yyyy, or "…" for an open end. */
export function reportDay(day: string | null): string {
  return day ? day.split('-').reverse().join('/') : '…';
}

/** The filings table as a file ("ho-so-202611300905.csv"). */
export async function filingsFile(rows: string[][], format: 'csv' | 'xlsx', now = new Date()): Promise<ExportFile> {
  const bytes = format === 'csv' ? tableCsv(rows) : await tableXlsx(rows, 'Hồ sơ');
  return exportFile(`ho-so-${stamp(now)}`, format, bytes);
}

/**
 * The people of each filing once decrypted, kept for the page's life: the table asks for the rows on screen,
 * the export for every row shown, and a filing's people never change.
 */
export class PeopleCache {
  private readonly known = new Map<string, FilingPeople | null>();

  private static key(e: Pick<FilingView, 'counterId' | 'id'>): string {
    return `${e.counterId}:${e.id}`;
  }

  async load(entries: readonly FilingView[], read: (e: FilingView) => Promise<FilingPeople | null>) {
    for (const e of entries) if (!this.known.has(PeopleCache.key(e))) this.known.set(PeopleCache.key(e), await read(e));
    return (e: FilingView) => this.get(e);
  }

  get(e: Pick<FilingView, 'counterId' | 'id'>): FilingPeople | null {
    return this.known.get(PeopleCache.key(e)) ?? null;
  }

  /** "Trần Bảo An (0011•••••111); …" for a filing's people, or "…" until they are decrypted. */
  namesOf(e: Pick<FilingView, 'counterId' | 'id'>): string {
    const part = this.get(e);
    return part ? peopleLine(part.people) : '…';
  }
}
