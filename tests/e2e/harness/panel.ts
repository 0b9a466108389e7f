import type { Locator } from 'playwright-core';

/** What an officer does in the helper panel: search, then pick one of the results. */
export async function pickInPanel(panel: Locator, query: string, name: string) {
  await panel.getByLabel('Tìm công dân').fill(query);
  await panel.getByRole('button', { name: `Chọn ${name}` }).click();
}
