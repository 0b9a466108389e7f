import type { Locator, Page } from 'playwright-core';

/** What an officer does in the helper panel: search, then pick one of the results. */
export async function pickInPanel(panel: Locator, query: string, name: string) {
  await panel.getByLabel('Tìm công dân').fill(query);
  await panel.getByRole('button', { name: `Chọn ${name}` }).click();
}

/** A replica page's own state (its framework model), as the page keeps it. */
export function pageModel<T = Record<string, string>>(page: { evaluate<R>(fn: () => R): Promise<R> }): Promise<T> {
  return page.evaluate(() => (window as unknown as { formModel: T }).formModel);
}

/** Opens a portal page, picks each person in the panel, presses "Điền biểu mẫu"; returns the page and its panel. */
export async function openAndFill(h: { openPortal(url: string): Promise<Page> }, url: string, picks: Array<[query: string, name: string]>) {
  const page = await h.openPortal(url);
  const panel = page.locator('motcua-panel');
  for (const [query, name] of picks) await pickInPanel(panel, query, name);
  await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
  return { page, panel };
}
