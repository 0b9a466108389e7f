// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fillDocument, scanDocument } from '@/utils/autofill/run';
import { wantFor } from '@/utils/autofill/values';
import { guessHeader } from '@/utils/records/import/header';
import { buildPreview } from '@/utils/records/import/preview';
import { readTable } from '@/utils/records/import/read-table';
import { personSchema, type Person } from '@/utils/records/schema';
import { lookupById } from '../records/helpers';

// happy-dom lays nothing out: visible is what is not hidden (the real rules run in Chromium, in the e2e).
vi.mock('@/utils/autofill/visibility', () => ({
  isVisibleToOfficer: (el: Element | null | undefined) => Boolean(el?.isConnected && !el.closest('[hidden]')),
}));

beforeEach(() => {
  document.body.innerHTML = '';
});

/** The people of a ward spreadsheet, as the import drafts them and the records keep them. */
async function imported(csv: string): Promise<Person[]> {
  const table = await readTable('phuong.csv', new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>);
  const preview = await buildPreview(table, guessHeader(table)!, lookupById());
  return preview.rows.map((row, i) =>
    personSchema.parse({ ...row.draft, id: `p${i}`, createdAt: 'x', updatedAt: 'x' }),
  );
}

describe('Nghề nghiệp, from a spreadsheet row to a filled portal field', () => {
  const csv = ['Họ và tên,Ngày sinh,Nghề nghiệp', 'Đỗ Thị Hạnh,01/02/1985,Kế toán', 'Vũ Văn Nam,03/04/1979,'].join(
    '\r\n',
  );

  it.each(['Nghề nghiệp', 'Nghề nghiệp hiện nay', 'Công việc'])('fills a field labelled "%s"', async (label) => {
    const [hanh] = await imported(csv);
    expect(hanh!.occupation?.value).toBe('Kế toán');
    document.body.innerHTML = `
      <label for="ht">Họ và tên</label><input id="ht" name="hoTen">
      <label for="nn">${label}</label><input id="nn" name="ngheNghiep">`;
    const occupation = scanDocument(document).find((c) => c.element.id === 'nn');
    expect(occupation?.field).toBe('occupation');
    expect(wantFor({ person: hanh! }, occupation!)).toEqual({ want: { kind: 'text', text: 'Kế toán' } });

    const run = await fillDocument(document, new Map([['subject', { person: hanh! }]]));
    expect((document.getElementById('nn') as HTMLInputElement).value).toBe('Kế toán');
    expect(run.report.find((r) => r.label === label)).toMatchObject({ status: 'filled' });
  });

  it('leaves the field empty, and says so, for a person the spreadsheet gives no occupation', async () => {
    const [, nam] = await imported(csv);
    document.body.innerHTML = '<label for="nn">Nghề nghiệp</label><input id="nn">';
    const run = await fillDocument(document, new Map([['subject', { person: nam! }]]));
    expect((document.getElementById('nn') as HTMLInputElement).value).toBe('');
    expect(run.report.find((r) => r.label === 'Nghề nghiệp')).toMatchObject({ status: 'missing' });
  });
});
