import { describe, expect, it } from 'vitest';
import type { FormRole } from '@/utils/autofill/labels';
import type { ScanResult } from '@/utils/messaging/frame-protocol';
import type { PanelSend } from '@/utils/panel/send';
import { PanelSession, type Result } from '@/utils/panel/session';
import type { PageTransport } from '@/utils/panel/transport';

/** A portal tab of one frame whose form the test changes, and a background that knows one family. */
function fakeTab() {
  let changedAt = 1;
  let roles: FormRole[] = [];
  const scan = (): ScanResult => ({
    docId: 'd1',
    url: 'https://dichvucong.gov.vn/khai-sinh/',
    title: 'Đăng ký khai sinh',
    headings: [],
    roles,
    fieldCount: roles.length * 3,
    controlCount: roles.length * 3,
    dossierCodes: [],
    childFrames: [],
    dossierRows: [],
  });
  const page: PageTransport = {
    frames: async () => [{ frameId: 0, origin: 'https://dichvucong.gov.vn', fieldCount: roles.length * 3, changedAt }],
    send: (async (_frameId: number, type: string) => (type === 'frame/scan' ? scan() : null)) as PageTransport['send'],
  };
  const send = (async (type: string, payload: { personId?: string }) => {
    if (type === 'records/fill-data')
      return {
        person: {
          id: payload.personId,
          fullName: { value: 'Nguyễn Thị Mai' },
          permanentAddress: { value: { text: 'Phường Thụy Khuê, Quận Tây Hồ' } },
        },
        addresses: {
          permanentAddress: {
            candidates: [
              { wardCode: '00004', wardName: 'Phường Ba Đình' },
              { wardCode: '00103', wardName: 'Phường Tây Hồ' },
            ],
            detail: '',
            reason: null,
          },
          currentAddress: null,
        },
      };
    if (type === 'filings/record') return { root: 'r1', procedure: null };
    if (type === 'records/relatives')
      return {
        relatives: [
          { id: 'binh', name: 'Trần Văn Bình', kind: 'father', direction: 'of' },
          { id: 'mai', name: 'Nguyễn Thị Mai', kind: 'mother', direction: 'of' },
        ],
      };
    throw new Error(`not in this test: ${type}`);
  }) as unknown as PanelSend;
  return {
    session: new PanelSession(7, send, page),
    /** The page's form now asks for these blocks (it finished loading). */
    load(next: FormRole[]) {
      roles = next;
      changedAt++;
    },
  };
}

const baby: Result = { id: 'an', name: 'Trần Bảo An', dob: '05/09/2026', sex: 'Nam', maskedId: null, address: null };

describe('the panel session: a pick made before the form was read', () => {
  it('is proposed again once the blocks are known, with the parents the records link', async () => {
    const tab = fakeTab();
    await tab.session.refreshPage();
    expect(tab.session.snapshot.blocks).toEqual([]);
    await tab.session.pick(baby);
    expect(tab.session.snapshot.assigned).toEqual({});

    tab.load(['requester', 'child', 'father', 'mother']);
    await tab.session.refreshPage();
    await expect
      .poll(() => tab.session.snapshot.assigned)
      .toEqual({
        child: 'an',
        father: 'binh',
        mother: 'mai',
        requester: 'mai',
      });
  });

  it('a parent proposed with the child and then picked stays in their block, not in a second one', async () => {
    const tab = fakeTab();
    tab.load(['requester', 'child', 'father', 'mother', 'householdHead']);
    await tab.session.refreshPage();
    await tab.session.pick(baby);
    await expect.poll(() => tab.session.snapshot.assigned.father).toBe('binh');
    await tab.session.pick({
      id: 'binh',
      name: 'Trần Văn Bình',
      dob: '20/10/1990',
      sex: 'Nam',
      maskedId: null,
      address: null,
    });
    expect(tab.session.snapshot.assigned).toEqual({ child: 'an', father: 'binh', mother: 'mai', requester: 'mai' });
  });

  it('asks once for the ward of a person in two blocks (the mother who is the requester)', async () => {
    const tab = fakeTab();
    tab.load(['requester', 'child', 'father', 'mother']);
    await tab.session.refreshPage();
    await tab.session.pick({
      id: 'mai',
      name: 'Nguyễn Thị Mai',
      dob: '12/04/1994',
      sex: 'Nữ',
      maskedId: null,
      address: null,
    });
    expect(tab.session.snapshot.assigned).toEqual({ mother: 'mai', requester: 'mai' });
    await tab.session.fill();
    expect(tab.session.snapshot.splitWards.map((w) => w.name)).toEqual(['Nguyễn Thị Mai']);
  });

  it('leaves alone a person placed on an earlier step, or already in one of the new blocks', async () => {
    const tab = fakeTab();
    tab.load(['requester', 'child']);
    await tab.session.refreshPage();
    await tab.session.pick({ ...baby, id: 'mai', name: 'Nguyễn Thị Mai', dob: '12/04/1994', sex: 'Nữ' });
    expect(tab.session.snapshot.assigned).toEqual({ requester: 'mai' });
    tab.load(['requester', 'child', 'mother']);
    await tab.session.refreshPage();
    expect(tab.session.snapshot.assigned).toEqual({ requester: 'mai' });
    // A single-page portal's next step asks only for the child: the requester of the last step is not it.
    tab.load(['child']);
    await tab.session.refreshPage();
    expect(tab.session.snapshot.assigned).toEqual({ requester: 'mai' });
  });
});

describe('the panel session: which frames a fill goes to', () => {
  it('a frame whose summary counted its fields before the page drew them is filled when its scan found controls', async () => {
    const scan: ScanResult = {
      docId: 'd1',
      url: 'https://dichvucong.gov.vn/nop-ho-so/ket-hon/',
      title: 'Đăng ký kết hôn',
      headings: [],
      roles: ['groom', 'bride'],
      fieldCount: 19,
      controlCount: 19,
      dossierCodes: [],
      childFrames: [],
      dossierRows: [],
    };
    const page: PageTransport = {
      // The summary was taken while Angular was still compiling the form.
      frames: async () => [{ frameId: 0, origin: 'https://dichvucong.gov.vn', fieldCount: 0, changedAt: 1 }],
      send: (async (_frameId: number, type: string) => (type === 'frame/scan' ? scan : null)) as PageTransport['send'],
    };
    const session = new PanelSession(7, (async () => ({ relatives: [] })) as unknown as PanelSend, page);
    await session.refreshPage();
    expect(session.snapshot.blocks).toEqual(['groom', 'bride']);
    expect(session.fillableFrames()).toEqual([0]);
  });
});

describe('the panel session: a second fill', () => {
  it('takes the last report away while it fills, so nothing shows ✓ that this fill has not read back', async () => {
    const scan: ScanResult = {
      docId: 'd1',
      url: 'https://dichvucong.gov.vn/cu-tru/',
      title: 'Đăng ký thường trú',
      headings: [],
      roles: ['declarant'],
      fieldCount: 3,
      controlCount: 3,
      dossierCodes: [],
      childFrames: [],
      dossierRows: [],
    };
    let release: () => void = () => {};
    let fills = 0;
    const page: PageTransport = {
      frames: async () => [{ frameId: 0, origin: 'https://dichvucong.gov.vn', fieldCount: 3, changedAt: 1 }],
      send: (async (_frameId: number, type: string) => {
        if (type === 'frame/scan') return scan;
        if (type !== 'frame/fill') return null;
        fills++;
        if (fills === 2) await new Promise<void>((r) => (release = r));
        return { report: [{ field: 'hoTen', label: 'Họ và tên', status: 'filled', reason: null }] };
      }) as PageTransport['send'],
    };
    const send = (async (type: string, payload: { personId?: string }) => {
      if (type === 'records/fill-data')
        return { person: { id: payload.personId }, addresses: { permanentAddress: null, currentAddress: null } };
      if (type === 'filings/record') return { root: 'r1', procedure: null };
      if (type === 'records/relatives') return { relatives: [] };
      throw new Error(`not in this test: ${type}`);
    }) as unknown as PanelSend;
    const session = new PanelSession(7, send, page);
    await session.refreshPage();
    await session.pick({ ...baby, id: 'quan', name: 'Đỗ Minh Quân' });
    await session.fill();
    expect(session.snapshot.report).toHaveLength(1);

    const second = session.fill();
    await expect.poll(() => fills).toBe(2);
    expect(session.snapshot.busy).toBe(true);
    expect(session.snapshot.report).toBeNull();
    release();
    await second;
    expect(session.snapshot.report).toHaveLength(1);
  });
});
