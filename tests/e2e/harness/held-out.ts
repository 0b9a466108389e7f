import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StrangerScenario } from '../../fixtures/portal-apps/scenario';

/**
 * What every held-out set's hand-fill test checks the same way: the page's own model (`window.formModel`) holds
 * the scenario's `expected` values and keeps its `untouched` ones. The pages themselves and how a person fills
 * them stay in each set's own test, written apart.
 */

export type Model = Record<string, unknown>;

/** The scenario of `scenarios` whose page is at `prefix`. */
export function scenarioAt(scenarios: StrangerScenario[], prefix: string): StrangerScenario {
  const found = scenarios.find((s) => s.url.startsWith(prefix));
  if (!found) throw new Error(`no scenario for ${prefix}`);
  return found;
}

export const modelOf = (target: Page | Frame) =>
  target.evaluate(() => (window as unknown as { formModel: Model }).formModel);

export function assertModel(model: Model, s: StrangerScenario) {
  for (const [key, want] of Object.entries(s.expected)) {
    if (want instanceof RegExp) expect(String(model[key] ?? ''), key).toMatch(want);
    else expect(model[key], key).toBe(want);
  }
  for (const [key, keep] of Object.entries(s.untouched ?? {})) {
    expect(key in model, `${key} is in the model`).toBe(true);
    if (keep === null) expect(model[key] ?? null, key).toBeNull();
    else expect(model[key], key).toBe(keep);
  }
}

/** Each expected field has a selector, which finds one element, shown. */
export async function selectorsVisible(page: Page, s: StrangerScenario) {
  expect(Object.keys(s.selectors).sort()).toEqual(Object.keys(s.expected).sort());
  for (const [key, selector] of Object.entries(s.selectors)) {
    expect(await page.locator(selector).count(), `${key}: ${selector}`).toBe(1);
    expect(await page.locator(selector).isVisible(), key).toBe(true);
  }
}

/** A text matched whole, as a person reads an option (spaces around it aside). */
export const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/**
 * A person scrolls the field to the middle of the screen before opening its list or calendar, so the popup fits
 * below it and nothing scrolls (and floating-ui moves nothing) while they click in it.
 */
export const centre = (box: Locator) => box.evaluate((el) => el.scrollIntoView({ block: 'center' }));

/** Types into a box and checks it shows the text; a focus change that ate keys is repaired by typing again. */
export async function typeInto(box: Locator, text: string, shown = text) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await centre(box);
    await box.click();
    await box.fill('');
    await box.pressSequentially(text);
    if ((await box.inputValue()) === shown) return;
  }
  expect(await box.inputValue()).toBe(shown);
}

/** No CSS transition or animation is running on the element (the library's enter animation is over). */
export const settled = (el: Locator) =>
  expect
    .poll(() =>
      el.evaluate((node) => node.getAnimations({ subtree: true }).filter((a) => a.playState === 'running').length),
    )
    .toBe(0);
