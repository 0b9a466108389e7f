import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '@/utils/calendar/calendar';
import { procedureByCode } from '@/utils/procedures/catalogue';
import {
  countTyped,
  dueDates,
  feeOf,
  missingPapers,
  noFeeEntry,
  slipRequest,
  tickedPapers,
  vnDateLong,
  withPaper,
} from '@/utils/procedures/reception';

const birth = procedureByCode('1.001193')!;
const residence = procedureByCode('1.004222')!;
const calendar = new WorkCalendar();
// Monday 30/11/2026, 09:00 and 16:00 in Vietnam (UTC+7).
const morning = new Date('2026-11-30T02:00:00.000Z');
const afternoon = new Date('2026-11-30T09:00:00.000Z');

describe('the procedure at the desk', () => {
  it('writes a day as the slip says it', () => {
    expect(vnDateLong('2026-11-30')).toBe('Thứ Hai, 30/11/2026');
    expect(vnDateLong('2026-12-06')).toBe('Chủ nhật, 06/12/2026');
  });

  it.each([
    ['3', 3],
    ['0', 1],
    ['-2', 1],
    ['', 1],
    ['abc', 1],
  ])('reads %j pages or copies as %d', (typed, count) => {
    expect(countTyped(typed)).toBe(count);
  });

  it('ticks papers by name and counts the required ones not ticked', () => {
    const names = birth.papers.map((p) => p.name);
    let papers = withPaper([], names[0]!, true);
    papers = withPaper(papers, names[3]!, true);
    papers = withPaper(papers, 'A paper of another procedure', true);
    const ticked = tickedPapers(birth, papers);
    expect([...ticked]).toEqual([birth.papers[0]!.id, birth.papers[3]!.id]);
    expect(missingPapers(birth, ticked).map((p) => p.id)).toEqual([birth.papers[1]!.id, birth.papers[2]!.id]);
    expect(withPaper(papers, names[0]!, false)).toEqual([names[3], 'A paper of another procedure']);
    expect([...tickedPapers(null, papers)]).toEqual([]);
    expect(missingPapers(null, new Set())).toEqual([]);
  });

  it('prices what the officer entered, no exemption counted when none is picked', () => {
    expect(feeOf(residence, noFeeEntry)).toBe(20_000);
    expect(feeOf(residence, { ...noFeeEntry, online: true })).toBe(10_000);
    expect(feeOf(residence, { ...noFeeEntry, exemption: residence.fee.exemptions[0]! })).toBe(0);
    expect(feeOf(null, noFeeEntry)).toBeNull();
  });

  it('dates the results from the cut-off, and says nothing when the procedure sets no days', () => {
    expect(dueDates(birth, morning, calendar)).toEqual({ received: '2026-11-30', due: '2026-11-30' });
    expect(dueDates(birth, afternoon, calendar)).toEqual({ received: '2026-12-01', due: '2026-12-01' });
    expect(dueDates(procedureByCode('2.000986'), morning, calendar)).toBeNull();
    expect(dueDates(null, morning, calendar)).toBeNull();
  });

  it('hands the slip its dates, the day received being today when no due date is set', () => {
    expect(slipRequest(birth, 0, { received: '2026-12-01', due: '2026-12-01' }, afternoon)).toEqual({
      procedureCode: '1.001193',
      fee: 0,
      received: '2026-12-01',
      due: '2026-12-01',
      receivedAt: '2026-11-30T09:00:00.000Z',
    });
    expect(slipRequest(birth, null, null, morning)).toMatchObject({ received: '2026-11-30', due: null });
  });
});
