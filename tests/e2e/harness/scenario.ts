import type { Frame, Locator, Page } from 'playwright-core';
import type { BlockKey, StrangerScenario } from '../../fixtures/portal-apps/scenario';
import type { Harness } from './browser';
import { openPanel, pickInPanel } from './panel';

/**
 * Runs a replica scenario as an officer would: open the portal, do what comes before filling, pick each person in
 * the panel, set the blocks as the officer means them (counting the proposals that were already right), pick a
 * split ward when the panel asks, press "Điền biểu mẫu"; then score from the page's own state. A field is
 * **silently wrong** when the panel outlined it ✓ (filled) but the page's state does not hold what was meant.
 */
export const blockLabels: Record<BlockKey, string> = {
  subject: 'Công dân',
  requester: 'Người yêu cầu',
  declarant: 'Người kê khai',
  child: 'Người được khai sinh',
  father: 'Cha',
  mother: 'Mẹ',
  groom: 'Bên nam',
  bride: 'Bên nữ',
  deceased: 'Người chết',
  householdHead: 'Chủ hộ',
  householdMember: 'Thành viên hộ gia đình',
};

export interface FieldScore {
  key: string;
  expected: string;
  got: string;
  right: boolean;
  /** The mark the panel put on the page for this field (data-motcua-fill), or null. */
  mark: string | null;
}

export interface ScenarioScore {
  name: string;
  fields: FieldScore[];
  right: number;
  total: number;
  silentlyWrong: number;
  /** Untouched fields the filler changed. */
  touched: string[];
  rolesProposedRight: number;
  rolesTotal: number;
  clickToReportMs: number;
  summary: string;
}

const asText = (v: unknown) =>
  v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function matches(expected: string | RegExp, got: unknown): boolean {
  const text = asText(got);
  return typeof expected === 'string' ? text === expected : expected.test(text);
}

export function formFrame(page: Page, scenario: Pick<StrangerScenario, 'frame'>): Frame {
  if (!scenario.frame) return page.mainFrame();
  const frame = page.frames().find((f) => f.url().startsWith(scenario.frame!));
  if (!frame) throw new Error(`no frame ${scenario.frame}`);
  return frame;
}

/** The panel's mark for the element the officer sees: on it, on the control around it, or on one inside it. */
async function marks(frame: Frame, selectors: Record<string, string>): Promise<Record<string, string | null>> {
  return frame.evaluate((sel) => {
    const out: Record<string, string | null> = {};
    for (const [key, selector] of Object.entries(sel)) {
      const el = document.querySelector(selector);
      // A web component's control sits in its shadow root (Shoelace's sl-input, sl-select): its mark too. (No
      // function is named in here: the bundler would wrap it in a helper the page does not have.)
      let inShadow: Element | null = null;
      const roots = el?.shadowRoot ? [el.shadowRoot] : [];
      while (!inShadow && roots.length) {
        const shadow = roots.shift()!;
        inShadow = shadow.querySelector('[data-motcua-fill]');
        for (const child of shadow.querySelectorAll('*')) if (child.shadowRoot) roots.push(child.shadowRoot);
      }
      const marked = el?.closest('[data-motcua-fill]') ?? el?.querySelector('[data-motcua-fill]') ?? inShadow;
      out[key] = marked?.getAttribute('data-motcua-fill') ?? null;
    }
    return out;
  }, selectors);
}

/**
 * `inpage` drives the first version's panel (inside the portal page, results named "Chọn <name>"), to measure
 * the build before this one on the same replicas (MOTCUA_PANEL=inpage with MOTCUA_EXTENSION_DIR).
 */
export type Surface = 'sidepanel' | 'inpage';

export async function runScenario(
  h: Harness,
  scenario: StrangerScenario,
  surface: Surface = 'sidepanel',
): Promise<ScenarioScore> {
  const page = await h.openPortal(scenario.url);
  try {
    await scenario.before?.(page);
    const frameReady = scenario.frame
      ? page
          .waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(scenario.frame!), timeout: 5000 })
          .catch(() => null)
      : null;
    await frameReady;
    const initialModel = await formFrame(page, scenario).evaluate(
      () =>
        JSON.parse(JSON.stringify((window as unknown as { formModel: unknown }).formModel ?? {})) as Record<
          string,
          unknown
        >,
    );
    const panel: Page | Locator = surface === 'inpage' ? page.locator('motcua-panel') : await openPanel(h, page);
    if (surface === 'inpage') await panel.getByTestId('panel-officer').waitFor();
    const wanted = Object.entries(scenario.roles) as Array<[BlockKey, string]>;
    // The blocks the scenario needs must show before picking (the panel proposes from them).
    for (const [block] of wanted)
      await panel
        .getByLabel(blockLabels[block], { exact: true })
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
    for (const name of scenario.picks) {
      if (surface === 'inpage') {
        await panel.getByLabel('Tìm công dân').fill(name);
        await panel.getByRole('button', { name: `Chọn ${name}` }).click();
      } else await pickInPanel(panel, name, name);
    }
    let proposedRight = 0;
    for (const [block, name] of wanted) {
      const select = panel.getByLabel(blockLabels[block], { exact: true });
      if ((await select.count()) === 0) continue;
      const current = await select.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '');
      if (current === name) proposedRight++;
      else await select.selectOption({ label: name });
    }
    const fill = panel.getByRole('button', { name: 'Điền biểu mẫu' });
    const summary = panel.getByTestId('fill-summary');
    let started = Date.now();
    await fill.click();
    await summary.waitFor({ timeout: 60_000 });
    await panel.locator('button.primary:not([disabled])').waitFor();
    if (scenario.wards) {
      for (const [name, code] of Object.entries(scenario.wards)) {
        const ward = panel.getByLabel(new RegExp(`Địa chỉ của ${name}`));
        if ((await ward.count()) > 0) await ward.selectOption(code);
      }
      started = Date.now();
      await fill.click();
      await panel.locator('button.primary:not([disabled])').waitFor();
      await summary.waitFor();
    }
    const clickToReportMs = Date.now() - started;
    if (process.env.MOTCUA_SCENARIO_SHOTS) {
      const slug = scenario.name.replace(/[^\p{L}\p{N}]+/gu, '_').slice(0, 40);
      await panel
        .screenshot?.({ path: `${process.env.MOTCUA_SCENARIO_SHOTS}/${slug}-panel.png`, fullPage: true } as never)
        .catch(() => undefined);
      await page
        .screenshot({ path: `${process.env.MOTCUA_SCENARIO_SHOTS}/${slug}-page.png`, fullPage: true })
        .catch(() => undefined);
    }
    const frame = formFrame(page, scenario);
    // The page's own state once it has settled (Form.io, for one, propagates changes after a debounce).
    const readModel = () =>
      frame.evaluate(
        () =>
          JSON.parse(JSON.stringify((window as unknown as { formModel: unknown }).formModel ?? {})) as Record<
            string,
            unknown
          >,
      );
    let model = await readModel();
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout(300);
      const again = await readModel();
      if (JSON.stringify(again) === JSON.stringify(model)) break;
      model = again;
    }
    const marked = await marks(frame, scenario.selectors);
    const fields: FieldScore[] = Object.entries(scenario.expected).map(([key, expected]) => ({
      key,
      expected: String(expected),
      got: asText(model[key]),
      right: matches(expected, model[key]),
      mark: marked[key] ?? null,
    }));
    const touched = Object.entries(scenario.untouched ?? {})
      .filter(([key]) => asText(model[key]) !== asText(initialModel[key]))
      .map(([key]) => key);
    const touchedMarks = await marks(
      frame,
      Object.fromEntries(touched.filter((k) => scenario.selectors[k]).map((k) => [k, scenario.selectors[k]!])),
    );
    const silentlyWrong =
      fields.filter((f) => !f.right && f.mark === 'filled').length +
      touched.filter((k) => touchedMarks[k] === 'filled').length;
    const score: ScenarioScore = {
      name: scenario.name,
      fields,
      right: fields.filter((f) => f.right).length,
      total: fields.length,
      silentlyWrong,
      touched,
      rolesProposedRight: proposedRight,
      rolesTotal: wanted.length,
      clickToReportMs,
      summary: (await summary.textContent()) ?? '',
    };
    if (surface === 'sidepanel') await (panel as Page).close();
    return score;
  } finally {
    await page.close();
  }
}
