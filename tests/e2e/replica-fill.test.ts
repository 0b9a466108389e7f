import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios as r4 } from '../fixtures/portal-apps/scenarios-heldout';
import { scenarios as r5 } from '../fixtures/portal-apps/scenarios-r5';
import { scenarios as heldOut2 } from '../fixtures/portal-apps/scenarios-heldout2';
import { scenarios as heldOut3 } from '../fixtures/portal-apps/scenarios-heldout3';
import { scenarios as heldOut4 } from '../fixtures/portal-apps/scenarios-heldout4';
import { scenarios as heldOut5 } from '../fixtures/portal-apps/scenarios-heldout5';
import { scenarios as heldOut6 } from '../fixtures/portal-apps/scenarios-heldout6';
import { scenarios as heldOut7 } from '../fixtures/portal-apps/scenarios-heldout7';
import { scenarios as heldOut8 } from '../fixtures/portal-apps/scenarios-heldout8';
import { scenarios as heldOut9 } from '../fixtures/portal-apps/scenarios-heldout9';
import { scenarios as heldOut10 } from '../fixtures/portal-apps/scenarios-heldout10';
import { scenarios as heldOut11 } from '../fixtures/portal-apps/scenarios-heldout11';
import { scenarios as heldOut12 } from '../fixtures/portal-apps/scenarios-heldout12';
import { scenarios as heldOut13 } from '../fixtures/portal-apps/scenarios-heldout13';
import { scenarios as heldOut14 } from '../fixtures/portal-apps/scenarios-heldout14';
import { scenarios as heldOut15 } from '../fixtures/portal-apps/scenarios-heldout15';
import { scenarios as heldOut16 } from '../fixtures/portal-apps/scenarios-heldout16';
import { scenarios as heldOut17 } from '../fixtures/portal-apps/scenarios-heldout17';
import { scenarios as heldOut18 } from '../fixtures/portal-apps/scenarios-heldout18';
import { seenScenarios } from '../fixtures/portal-apps/scenarios';
import { ownScenarios } from '../fixtures/portals/scenarios';
import { launchHarness, type Harness } from './harness/browser';
import { setUpAndImport } from './harness/records';
import { runScenario } from './harness/scenario';

/**
 * The production extension filling replicas written apart from it (Ant Design, MUI and MUI X, the Ministry of
 * Justice custom elements, Vue + Element Plus, Quasar, Tom Select on a server-rendered page, PrimeVue's
 * AutoComplete, Ant Design Vue, Choices.js with jQuery UI's datepicker on a Liferay page, Naive UI, bootstrap-select
 * on a server-rendered page, shadcn/ui on Radix with react-day-picker, Shoelace's web components in their shadow
 * roots, Vue 2 with Element UI 2 and its lazy cascader, Chakra UI v3 with react-hook-form, PrimeNG on Angular, React Aria Components, SurveyJS's Angular renderer
 * after another SurveyJS page on the same host, Headless UI with react-datepicker, Fluent UI React v9, Blueprint 6), as an officer does in the side panel; each field scored from the
 * page's own state. Every field the scenario expects is right, and none is marked ✓ while the page holds
 * something else. (`npm run bench autofill` scores every replica set; these are the ones whose adapters and
 * label rules are newest.)
 */

let h: Harness;

beforeAll(async () => {
  h = await launchHarness();
  await setUpAndImport(h, 'stranger-family.csv', 6);
});

afterAll(async () => {
  await h?.close();
});

describe('the extension on replicas it was not written beside', () => {
  // The Angular page right after the React wizard on the same host: its frame's summary lagged its scan.
  const angular = [
    ...ownScenarios.filter((s) => s.name === 'khai_sinh_survey_26'),
    ...seenScenarios.filter((s) => s.name.includes('SurveyJS Angular')),
  ];
  const primeVue = heldOut2.filter((s) => s.name.includes('PrimeVue'));
  it.each(
    [
      ...r5,
      ...r4,
      ...primeVue,
      ...heldOut3,
      ...heldOut4,
      ...heldOut5,
      ...heldOut6,
      ...heldOut7,
      ...heldOut8,
      ...heldOut9,
      ...heldOut10,
      ...heldOut11,
      ...heldOut12,
      ...heldOut13,
      ...heldOut14,
      ...heldOut15,
      ...heldOut16,
      ...heldOut17,
      ...heldOut18,
      ...angular,
    ].map((s) => [s.name, s] as const),
  )('%s', async (_, scenario) => {
    const score = await runScenario(h, scenario, 'sidepanel');
    const wrong = score.fields.filter((f) => !f.right).map((f) => `${f.key}: ${f.got} ≠ ${f.expected} (${f.mark})`);
    expect(wrong).toEqual([]);
    expect(score.silentlyWrong).toBe(0);
    expect(score.touched).toEqual([]);
  });
});
