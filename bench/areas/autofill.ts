import { execFileSync } from 'node:child_process';
import { launchHarness } from '../../tests/e2e/harness/browser';
import { buildReplicaApps } from '../../tests/fixtures/portal-apps/build';
import { pickInPanel } from '../../tests/e2e/harness/panel';
import { setUpAndImport } from '../../tests/e2e/harness/records';
import { fillScenarios } from '../../tests/fixtures/portals/scenarios';
import { quantile, round, type BenchArea, type Metric } from '../lib/measure';

const repeats = 5;

/**
 * The real extension on the replica portals: for each, fields whose page-model value is right / fields
 * expected, and the time from the click on "Điền biểu mẫu" to the report (simulated network delays off).
 */
export const autofillBench: BenchArea = {
  area: 'autofill',
  async run(): Promise<Metric[]> {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    buildReplicaApps();
    const h = await launchHarness();
    const metrics: Metric[] = [];
    let correct = 0;
    let expected = 0;
    try {
      await setUpAndImport(h, 'family.csv', 4);
      for (const scenario of fillScenarios) {
        const page = await h.openPortal(scenario.url);
        const panel = page.locator('motcua-panel');
        await panel.getByTestId('panel-officer').waitFor();
        for (const [query, name] of scenario.picks) {
          await pickInPanel(panel, query, name);
        }
        for (const [role, name] of Object.entries(scenario.roles ?? {})) {
          await panel.locator(`#motcua-role-${role}`).selectOption({ label: name });
        }
        const times: number[] = [];
        let model: Record<string, unknown> = {};
        for (let i = 0; i < repeats; i++) {
          const started = Date.now();
          await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
          await panel.getByTestId('fill-summary').waitFor();
          times.push(Date.now() - started);
          const frame = scenario.frame ? page.frames().find((f) => f.url().startsWith(scenario.frame!))! : page.mainFrame();
          model = await frame.evaluate(() => (window as unknown as { formModel: Record<string, unknown> }).formModel);
          if (i < repeats - 1) {
            await panel.getByRole('button', { name: 'Hoàn tác' }).click();
            await panel.getByTestId('fill-summary').waitFor({ state: 'detached' });
          }
        }
        // Framework models keep codes as numbers (SurveyJS: sex 1): compare as text.
        const right = Object.entries(scenario.expected).filter(([k, v]) => model[k] !== undefined && String(model[k]) === v).length;
        correct += right;
        expected += Object.keys(scenario.expected).length;
        metrics.push(
          { name: `${scenario.name}_fields_correct`, value: round(right / Object.keys(scenario.expected).length, 3), unit: 'ratio', better: 'higher' },
          { name: `${scenario.name}_click_to_report_median`, value: quantile(times, 0.5), unit: 'ms', better: 'lower', ...(scenario.name === 'khai_sinh_survey_26' ? { target: 1500 } : {}) },
        );
        await page.close();
      }
    } finally {
      await h.close();
    }
    metrics.unshift({ name: 'fields_correct_all_replicas', value: round(correct / expected, 3), unit: 'ratio', better: 'higher', target: 0.98 });
    return metrics;
  },
};
