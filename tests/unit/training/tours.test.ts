import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addCustomTour, allTours, bundledTours } from '@/utils/training/tours';

beforeEach(() => fakeBrowser.reset());

const tourFile = (title: string) =>
  JSON.stringify({
    id: 'my-tour',
    title,
    portal: 'training/portal/ct01.html',
    steps: [{ title: 'Bước một', text: 'Tìm công dân.', target: { in: 'panel', selector: '#search' } }],
  });

describe('a trainer’s tours', () => {
  it('come after the bundled ones, and a file with the same id replaces the earlier one', async () => {
    expect(await allTours()).toEqual(bundledTours);
    await addCustomTour(tourFile('Lần một'));
    const second = await addCustomTour(tourFile('Lần hai'));
    expect(second.title).toBe('Lần hai');
    const tours = await allTours();
    expect(tours.slice(0, bundledTours.length)).toEqual(bundledTours);
    expect(tours.slice(bundledTours.length).map((t) => t.title)).toEqual(['Lần hai']);
  });

  it('keeps nothing from a file that is not a tour', async () => {
    await expect(addCustomTour('{ not json')).rejects.toThrow();
    await expect(addCustomTour(JSON.stringify({ id: 'x' }))).rejects.toThrow();
    expect(await allTours()).toEqual(bundledTours);
  });
});
