import { describe, expect, it } from 'vitest';
import type { FormRole } from '@/utils/autofill/labels';
import { ageOf, blocksForPick, fitsSex, proposeBlock } from '@/utils/panel/roles';

const today = new Date(2026, 11, 1);
const baby = { id: 'an', sex: 'Nam' as const, dob: '05/09/2026' };
const mother = { id: 'mai', sex: 'Nữ' as const, dob: '12/04/1994' };
const father = { id: 'binh', sex: 'Nam' as const, dob: '20/10/1990' };
const elder = { id: 'hung', sex: 'Nam' as const, dob: '15/06/1948' };

describe('which blocks a picked person may fill', () => {
  it.each([
    ['father', 'Nam', true],
    ['father', 'Nữ', false],
    ['groom', 'Nữ', false],
    ['mother', 'Nam', false],
    ['bride', 'Nữ', true],
    ['requester', 'Nữ', true],
    ['child', 'Nam', true],
    ['mother', null, true],
  ] as const)('%s ← %s: %s', (role, sex, fits) => {
    expect(fitsSex(role, sex)).toBe(fits);
  });

  it.each([
    ['05/09/2026', 0],
    ['12/04/1994', 32],
    ['01/12/1990', 36],
    ['02/12/1990', 35],
    ['1980', 46],
    [null, null],
  ] as const)('age of %s on 1/12/2026 is %s', (dob, age) => {
    expect(ageOf(dob, today)).toBe(age);
  });
});

describe('proposed blocks', () => {
  const birth: FormRole[] = ['requester', 'child', 'father', 'mother'];

  it('a newborn picked first goes to the child, not to the requester', () => {
    expect(proposeBlock(baby, birth, {}, today)).toBe('child');
  });

  it('the mother picked before the child goes to mẹ (and the requester), not to the child', () => {
    expect(blocksForPick(mother, birth, {}, today)).toEqual(['mother', 'requester']);
  });

  it('the father after the mother goes to cha only', () => {
    expect(blocksForPick(father, birth, { mother: 'mai', requester: 'mai' }, today)).toEqual(['father']);
  });

  it('marriage: by sex', () => {
    expect(proposeBlock(mother, ['groom', 'bride'], {}, today)).toBe('bride');
    expect(proposeBlock(father, ['groom', 'bride'], {}, today)).toBe('groom');
  });

  it('a certificate for one person: the one it is for is the requester too (asking for it themselves)', () => {
    expect(blocksForPick(father, ['subject', 'requester'], {}, today)).toEqual(['subject', 'requester']);
  });

  it('marriage: the first of the couple picked is the requester too, while it is free', () => {
    const marriage: FormRole[] = ['requester', 'groom', 'bride'];
    expect(blocksForPick(mother, marriage, {}, today)).toEqual(['bride', 'requester']);
    expect(blocksForPick(father, marriage, { bride: 'mai', requester: 'mai' }, today)).toEqual(['groom']);
  });

  it('death: an elder is the deceased, a younger adult the requester, whichever is picked first', () => {
    expect(proposeBlock(elder, ['requester', 'deceased'], {}, today)).toBe('deceased');
    expect(proposeBlock(father, ['requester', 'deceased'], { deceased: 'hung' }, today)).toBe('requester');
    expect(proposeBlock(father, ['requester', 'deceased'], {}, today)).toBe('requester');
    expect(proposeBlock(elder, ['requester', 'deceased'], { requester: 'binh' }, today)).toBe('deceased');
    // Two younger adults: the second one picked is the deceased (a young death).
    expect(proposeBlock(mother, ['requester', 'deceased'], { requester: 'binh' }, today)).toBe('deceased');
  });

  it('CT01: the declarant, then the household head', () => {
    expect(proposeBlock(mother, ['declarant', 'householdHead'], {}, today)).toBe('declarant');
    expect(proposeBlock(father, ['declarant', 'householdHead'], { declarant: 'mai' }, today)).toBe('householdHead');
  });

  it('nothing when every fitting block is taken', () => {
    expect(proposeBlock(father, ['mother'], {}, today)).toBeNull();
  });
});
