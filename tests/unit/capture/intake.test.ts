import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../utils/capture/engines/pipeline';
import { raster } from '../../../utils/capture/image';
import {
  completeMerge,
  mergeValues,
  peopleIn,
  reviewOf,
  reviewToValues,
  saveCapture,
  type IntakeStore,
  type Shot,
} from '../../../utils/capture/intake';
import { classifyQr } from '../../../utils/capture/qr-payload';
import type { DocumentMeta, Person } from '../../../utils/records/schema';

const payload =
  '001190012345|123456789|Nguyễn Thị Tiễn|01011990|Nữ|Số 1 Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|15082021';

function qrShot(text = payload): Shot {
  const qr = classifyQr(text);
  const result: ScanResult = {
    qr,
    reading: null,
    card: null,
    ocrText: '',
    upsideDown: false,
    quad: [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
    foundBy: 'photo',
    timings: { qrMs: 0, prepMs: 0, ocrMs: 0, totalMs: 0 },
    warnings: [],
  };
  return { id: crypto.randomUUID(), label: 'qr.jpg', preview: null, photo: null, raster: raster(4, 4), result };
}

/** The records store's part the intake uses, in memory. */
function memoryStore(existing: Person[] = []) {
  const people = [...existing];
  const documents: Array<{ personId: string; meta: DocumentMeta }> = [];
  const store: IntakeStore = {
    findByPersonalId: (id) => people.find((p) => p.personalId?.value === id),
    get: async (id) => people.find((p) => p.id === id) ?? null,
    create: async (draft, now = new Date()) => {
      const person = {
        ...draft,
        id: `p${people.length + 1}`,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      } as Person;
      people.push(person);
      return person;
    },
    update: async (person) => {
      people.splice(
        people.findIndex((p) => p.id === person.id),
        1,
        person,
      );
      return person;
    },
    addDocument: async (personId, meta) => {
      documents.push({ personId, meta });
      return `d${documents.length}`;
    },
  };
  return { store, people, documents };
}

const encode = async () => new Uint8Array(new ArrayBuffer(3));

describe('the capture intake: review → person → save', () => {
  it('a QR shot becomes the review, its values, and a new person saved with the scan and the QR’s raw text', async () => {
    const shots = [qrShot()];
    const { review } = reviewOf(shots, null);
    const values = reviewToValues(review);
    expect(values).toMatchObject({
      fullName: 'Nguyễn Thị Tiễn',
      birthDate: '01/01/1990',
      personalId: '001190012345',
      idIssueDate: '15/08/2021',
    });
    const { store, people, documents } = memoryStore();
    const step = await saveCapture(store, { review, values, shots, officerId: 'o1', encode });
    expect(step.kind).toBe('saved');
    expect(people[0]?.fullName.value).toBe('Nguyễn Thị Tiễn');
    expect(people[0]?.fullName.prov.source).toBe('qr');
    expect(documents).toHaveLength(1);
    expect(documents[0]?.meta.extracted.qrRaw).toBe(payload);
  });

  it('a field the officer typed keeps its value and becomes typed; a bad value is refused with its reason', async () => {
    const shots = [qrShot()];
    const { review } = reviewOf(shots, null);
    const edited = new Set(['phone']);
    const values = mergeValues({ phone: '0912' }, review, edited);
    expect(values.phone).toBe('0912');
    const { store, people } = memoryStore();
    const step = await saveCapture(store, { review, values, shots, officerId: 'o1', encode });
    expect(step.kind).toBe('invalid');
    if (step.kind === 'invalid') expect(step.errors.phone).toBeTruthy();
    expect(people).toHaveLength(0);
  });

  it('an ID on record goes to the merge, then the chosen fields are written and the scan kept', async () => {
    const shots = [qrShot()];
    const { review } = reviewOf(shots, null);
    const values = reviewToValues(review);
    const { store } = memoryStore();
    const first = await saveCapture(store, { review, values, shots, officerId: 'o1', encode });
    expect(first.kind).toBe('saved');
    const again = await saveCapture(store, {
      review,
      values: { ...values, fullName: 'Nguyễn Thị Tiền' },
      shots,
      officerId: 'o1',
      encode,
    });
    expect(again.kind).toBe('merge');
    if (again.kind !== 'merge') return;
    const done = await completeMerge(
      store,
      again,
      { fullName: 'incoming' },
      { review, values, shots, officerId: 'o1', encode },
    );
    expect(done.person.fullName.value).toBe('Nguyễn Thị Tiền');
    expect(done.documents).toBe(1);
  });

  it('names two people’s cards in one capture', () => {
    expect(peopleIn([qrShot(), qrShot(payload.replace('001190012345', '001190054321'))])).toEqual([
      '001190012345',
      '001190054321',
    ]);
  });
});
