import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImportParser } from '@/utils/records/import/parse-client';
import { ImportSession } from '@/utils/records/import/session';
import { sayReason } from '@/utils/records/reason';
import { RecordsStore } from '@/utils/records/store';
import { generateDataKey } from '@/utils/security/crypto';
import { badPhoneCsv, headerOnlyCsv, strangerFamilyCsv } from '../../fixtures/spreadsheets/make';
import { freshDb } from './helpers';

beforeEach(() => fakeBrowser.reset());

async function session() {
  const store = await RecordsStore.open(freshDb(), await generateDataKey(), { officerId: 'o1' });
  return { store, session: new ImportSession(store, new ImportParser(null)) };
}

describe('ImportSession', () => {
  it('will not write a header-only file, and says why', async () => {
    const { session: s } = await session();
    await s.open('trong.csv', headerOnlyCsv());
    expect(s.state.phase.kind).toBe('ready');
    expect(s.state.preview?.rows).toEqual([]);
    expect(sayReason(s.blocker()!, 'vi')).toContain('không có dòng dữ liệu nào');
    await s.commit();
    expect(s.state.message).toBeNull();
  });

  it('will not write when every row is left out', async () => {
    const { session: s } = await session();
    await s.open('p.csv', badPhoneCsv());
    expect(s.blocker()).toBeNull();
    for (const row of s.state.preview!.rows) s.decide(row, { action: 'skip' });
    expect(sayReason(s.blocker()!, 'vi')).toContain('Không có dòng nào để ghi');
  });

  it('reads, drafts, classifies and writes, saying how many people and relations', async () => {
    const { session: s } = await session();
    const phases: string[] = [];
    s.subscribe(() => phases.push(s.state.phase.kind === 'reading' ? s.state.phase.stage : s.state.phase.kind));
    await s.open('s.csv', strangerFamilyCsv());
    expect(phases).toContain('rows');
    await s.commit();
    expect(s.state.message?.kind).toBe('ok');
    expect(s.state.message!.reasons.map((r) => sayReason(r, 'vi')).join(' ')).toBe(
      'Đã nhập 6 người. Đã liên kết 2 quan hệ (cha, mẹ, vợ/chồng, chủ hộ).',
    );
  });

  it('remaps a column and drafts again', async () => {
    const { session: s } = await session();
    await s.open('s.csv', strangerFamilyCsv());
    const father = s.state.loaded!.header.labels.indexOf('Họ tên cha');
    expect(s.state.mapping[father]).toBe('fatherName');
    await s.remap(father, 'ignore');
    expect(s.state.preview!.rows.find((r) => r.name === 'Trần Bảo An')!.links.map((l) => l.kind)).toEqual(['mother']);
  });
});
