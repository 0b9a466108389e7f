import { shapes, zones, type CardReading, type OcrFieldName, type Zone } from '@/utils/capture/card-fields';
import { decodePersonalId } from '@/utils/vn/personal-id';
import { crop, upscale, type Raster } from '@/utils/capture/image';
import { toCanvas } from '@/utils/capture/engines/load';
import { recognise, type OcrPaths } from '@/utils/capture/engines/ocr';

/**
 * The values the page reading left empty on a side whose layout is known: a blurred photo garbles the small
 * labels first, and with its label lost a value's line reads as noise ("25/07/1996" as "‡SŠ%07?/1908"). Its
 * printed zone is read again alone (its bold part), three times the size, as one line (digits and slashes only
 * for numbers and dates), and kept only when it has the value's shape. Such a value has one witness: it stays
 * flagged for the officer unless another witness (the number's birth year and sex, the MRZ) seconds it.
 */

const rescued: ReadonlyArray<OcrFieldName> = ['personalId', 'birthDate', 'sex', 'nationality', 'expiry', 'issueDate'];
const digitsOnly = new Set<OcrFieldName>(['personalId', 'birthDate', 'expiry', 'issueDate']);
/** Where values start on a side whose zones span the card (the photo and the labels' column are left of it). */
const valuesFrom = { front: 0.26, back: 0 } as const;
/** A value a rescue reads is never more certain than this (below the fusion's flag threshold, ocrFlagBelow). */
const rescueConfidence = 0.55;

/** Twelve digits whose first three are a province's code (a blurred number read as "333377070720" is none). */
export function plausibleId(text: string): string | null {
  const digits = text.replace(/\D/g, '').match(/\d{12}/)?.[0] ?? null;
  return digits && decodePersonalId(digits)?.province ? digits : null;
}

export async function rescueZones(
  { reading, normalised }: { reading: CardReading; normalised: Raster },
  paths: OcrPaths,
): Promise<void> {
  if (!reading.side || !reading.model) return;
  const table = zones[`${reading.model}-${reading.side}`];
  for (const field of rescued) {
    const zone: Zone | undefined = table[field];
    if (!zone || reading.fields[field]) continue;
    const [x0, x1] = zone.x ?? [valuesFrom[reading.side], 1];
    // The zone with a little room: layouts shift within the card's specification.
    const y0 = Math.max(0, zone.y[0] - 0.015);
    const y1 = Math.min(1, zone.y[1] + 0.015);
    const region = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    const again = await recognise(paths, toCanvas(upscale(boldPart(crop(normalised, region)), 3)), {
      mode: 'line',
      ...(digitsOnly.has(field) ? { whitelist: field === 'personalId' ? '0123456789' : '0123456789/' } : {}),
    });
    const text = again.lines.map((l) => l.text).join(' ');
    const value = field === 'personalId' ? plausibleId(text) : shapes[field]?.(text);
    if (!value) continue;
    reading.fields[field] = {
      text: value,
      confidence: Math.min(rescueConfidence, again.confidence / 100),
      agreed: false,
      bbox: {
        x0: Math.round(x0 * normalised.width),
        y0: Math.round(y0 * normalised.height),
        x1: Math.round(x1 * normalised.width),
        y1: Math.round(y1 * normalised.height),
      },
    };
  }
}

/**
 * The part of a zone its value is printed in: values are printed bold and dark, labels small and grey, and a
 * blurred label read with a value's line garbles both. The zone is cut at its wide gaps (across: a label and
 * its value on one line; down: a label above its value), and the piece with the most ink kept.
 */
export function boldPart(r: Raster): Raster {
  const { width: w, height: h } = r;
  const darkness = new Float32Array(w * h);
  const sorted = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) sorted[i] = r.data[i * 4]!;
  sorted.sort();
  const ink = sorted[Math.floor(w * h * 0.02)]!;
  const ground = sorted[Math.floor(w * h * 0.5)]!;
  if (ground - ink < 60) return r;
  const threshold = (ink + ground) / 2;
  for (let i = 0; i < w * h; i++) darkness[i] = Math.max(0, threshold - r.data[i * 4]!);
  let box = { x0: 0, y0: 0, x1: w, y1: h };
  for (const across of [true, false]) {
    const length = across ? box.x1 - box.x0 : box.y1 - box.y0;
    const mass = new Float32Array(length);
    for (let y = box.y0; y < box.y1; y++)
      for (let x = box.x0; x < box.x1; x++) mass[across ? x - box.x0 : y - box.y0]! += darkness[y * w + x]!;
    const inked = Array.from(mass, (m) => m > 0);
    // A gap wider than about a letter's height parts a label from its value (words stand closer).
    const gap = Math.max(4, Math.round((across ? box.y1 - box.y0 : 0) * 0.35) || Math.round(length * 0.12));
    const pieces: Array<[number, number]> = [];
    for (let i = 0, start = -1, blank = 0; i <= length; i++) {
      if (i < length && inked[i]) {
        if (start < 0) start = i;
        blank = 0;
      } else if (start >= 0 && (++blank >= gap || i === length)) {
        pieces.push([start, i - blank + 1]);
        start = -1;
      }
    }
    if (pieces.length < 2) continue;
    const strength = ([a, b]: [number, number]) => {
      let sum = 0;
      for (let i = a; i < b; i++) sum += mass[i]!;
      return sum / Math.max(1, b - a);
    };
    const [a, b] = pieces.reduce((best, p) => (strength(p) > strength(best) ? p : best));
    const margin = Math.max(4, Math.round(gap / 2));
    box = across
      ? { ...box, x0: Math.max(0, box.x0 + a - margin), x1: Math.min(w, box.x0 + b + margin) }
      : { ...box, y0: Math.max(0, box.y0 + a - margin), y1: Math.min(h, box.y0 + b + margin) };
  }
  return crop(r, { x: box.x0 / w, y: box.y0 / h, w: (box.x1 - box.x0) / w, h: (box.y1 - box.y0) / h });
}
