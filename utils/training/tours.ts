import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import khaiSinh from '@/utils/training/tours/khai-sinh.json';
import thuongTru from '@/utils/training/tours/thuong-tru.json';
import { ReasonError } from '@/utils/i18n/reason-error';

/** Guided tours: data files, shipped or written by a trainer and loaded on the training page. */
const place = z.object({
  /** page: the training page; panel: inside the helper panel; portal: inside the replica form. */
  in: z.enum(['page', 'panel', 'portal']),
  selector: z.string().min(1).max(300),
});

export const tourSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1).max(120),
  procedureCode: z.string().max(40).optional(),
  /** The replica page the tour runs on, inside the extension. */
  portal: z.string().regex(/^training\/portal\/[\w./-]+\.html$/),
  steps: z
    .array(
      z.object({
        title: z.string().min(1).max(120),
        text: z.string().min(1).max(1000),
        target: place,
        /** The step is done once this exists (and, with `filled`, holds a value). */
        done: place.extend({ filled: z.boolean().optional() }).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type Tour = z.infer<typeof tourSchema>;
export type TourPlace = Tour['steps'][number]['target'];

const strip = ({ $comment: _c, ...rest }: Record<string, unknown>) => rest;

export const bundledTours: Tour[] = [khaiSinh, thuongTru].map((t) => tourSchema.parse(strip(t)));

export const customToursItem = storage.defineItem<Tour[]>('local:trainingTours', { fallback: [] });

/** A trainer's tour file, checked; throws a ReasonError with zod's issues. */
export function parseTour(text: string): Tour {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ReasonError('error.tour.notJson');
  }
  const parsed = tourSchema.safeParse(raw && typeof raw === 'object' ? strip(raw as Record<string, unknown>) : raw);
  if (!parsed.success)
    throw new ReasonError('error.tour.invalid', {
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  return parsed.data;
}

/** The tours a trainer added, then the bundled ones before them: what the training page offers. */
export async function allTours(): Promise<Tour[]> {
  return [...bundledTours, ...(await customToursItem.getValue())];
}

/** Adds a trainer's tour file (one with the same id is replaced) and returns the tour; throws as parseTour does. */
export async function addCustomTour(text: string): Promise<Tour> {
  const tour = parseTour(text);
  await customToursItem.setValue([...(await customToursItem.getValue()).filter((c) => c.id !== tour.id), tour]);
  return tour;
}
