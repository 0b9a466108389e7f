import type { FormRole } from '@/utils/autofill/labels';
import { parseDate } from '@/utils/vn/dates';

/**
 * Whom the officer means for which block, proposed so that the officer does not have to fix it: from the
 * blocks the form asks for and the person's age, sex and relations. Every proposal is shown on the search
 * result and can be changed in one step in the blocks' selects.
 */
export interface Candidate {
  id: string;
  sex: 'Nam' | 'Nữ' | null;
  /** dd/mm/yyyy (or mm/yyyy, yyyy), as the search results show it. */
  dob: string | null;
}

const menOnly = new Set<FormRole>(['father', 'groom']);
const womenOnly = new Set<FormRole>(['mother', 'bride']);

/** Whether someone of this sex (unknown fits anything) can fill a block. */
export function fitsSex(role: FormRole, sex: 'Nam' | 'Nữ' | null): boolean {
  if (sex === 'Nam') return !womenOnly.has(role);
  if (sex === 'Nữ') return !menOnly.has(role);
  return true;
}

/** Age in whole years on `today`, or null when the date of birth is unknown. */
export function ageOf(dob: string | null, today = new Date()): number | null {
  if (!dob) return null;
  const parsed = parseDate(dob);
  if (!parsed.ok) return null;
  const { year, month = 1, day = 1 } = parsed.date;
  const had = today.getMonth() + 1 > month || (today.getMonth() + 1 === month && today.getDate() >= day);
  return today.getFullYear() - year - (had ? 0 : 1);
}

/** A child is registered within years of the birth; above this, a person is an adult to the forms. */
export const childAgeLimit = 16;

/**
 * The order in which an adult fills the blocks a form asks for: the one the procedure is about first (the
 * deceased, the spouses, the declarant), then the parents, the household head, the requester.
 */
const adultOrder: FormRole[] = [
  'deceased',
  'groom',
  'bride',
  'declarant',
  'father',
  'mother',
  'householdHead',
  'subject',
  'requester',
  'householdMember',
];

/** A death registration: an elder picked is the one who died; a younger adult the one who came to register it. */
export const elderAge = 60;

export function proposeBlock(
  candidate: Candidate,
  blocks: readonly FormRole[],
  assigned: Partial<Record<FormRole, string>>,
  today = new Date(),
): FormRole | null {
  const free = (role: FormRole) => blocks.includes(role) && !assigned[role] && fitsSex(role, candidate.sex);
  const age = ageOf(candidate.dob, today);
  if (free('child') && age !== null && age < childAgeLimit) return 'child';
  if (free('deceased') && free('requester') && age !== null && age < elderAge) return 'requester';
  for (const role of adultOrder) if (free(role)) return role;
  if (free('child')) return 'child';
  return null;
}

/**
 * The blocks one pick fills: the proposed one, and the requester too when the person is a parent of the child
 * being registered or one of the couple marrying (most often the one at the counter), while it is free.
 */
export function blocksForPick(
  candidate: Candidate,
  blocks: readonly FormRole[],
  assigned: Partial<Record<FormRole, string>>,
  today = new Date(),
): FormRole[] {
  const first = proposeBlock(candidate, blocks, assigned, today);
  if (!first) return [];
  const out: FormRole[] = [first];
  // A parent of the child, one of the couple marrying, or the one a certificate is for (most often asking for
  // it themselves, "Bản thân") is the one who comes to the counter.
  const usualRequester: FormRole[] = ['mother', 'father', 'groom', 'bride', 'subject'];
  if (usualRequester.includes(first) && blocks.includes('requester') && !assigned.requester) out.push('requester');
  return out;
}
