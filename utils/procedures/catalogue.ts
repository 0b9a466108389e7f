import { z } from 'zod';
import { matchKey } from '../vn/text';
import data from './catalogue.json';

/** The procedures motcua knows; the first whose words appear on a page names the page's procedure. */
const procedureSchema = z.object({ code: z.string().min(1).max(40), name: z.string().min(1), match: z.array(z.string().min(2)).min(1) });
export type Procedure = z.infer<typeof procedureSchema>;

export const procedures: Procedure[] = z.object({ procedures: z.array(procedureSchema).min(12) }).parse(data).procedures;

export function procedureByCode(code: string | null | undefined): Procedure | null {
  return procedures.find((p) => p.code === code) ?? null;
}

/**
 * The procedure a portal page is about, from its URL path, title and headings (in that order of trust: a
 * heading names the form the officer sees). More specific procedures are listed first in the data file.
 */
export function detectProcedure(page: { url: string; title: string; headings: string[] }): Procedure | null {
  const texts = [...page.headings, page.title, decodeURIComponent(new URL(page.url).pathname).replace(/[/_.]/g, ' ')].map((t) => ` ${matchKey(t.replace(/-/g, ' '))} `);
  for (const text of texts) {
    const found = procedures.find((p) => p.match.some((m) => text.includes(` ${matchKey(m.replace(/-/g, ' '))} `)));
    if (found) return found;
  }
  return null;
}
