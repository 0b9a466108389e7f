import type { MappedAddresses } from '../messaging/protocol';
import type { Person } from '../records/schema';
import { formatDate, formatIsoDate } from '../vn/dates';
import { splitName } from '../vn/names';
import { dateFormatValues, type FillField } from './labels';

/** A person as the filler gets them: the record and its addresses mapped to 2025 units. */
export interface FillPerson {
  person: Person;
  addresses?: MappedAddresses;
}

/** What goes into a cascading address field: the code and the name, whichever the options use. */
export interface AddressValue {
  values: string[];
  /** Set when the record's old ward maps to several 2025 wards: the officer must pick. */
  ambiguous: string | null;
}

export function addressValueFor(who: FillPerson, field: 'province' | 'ward' | 'addressDetail'): AddressValue | null {
  const mapped = who.addresses?.permanentAddress ?? who.addresses?.currentAddress ?? null;
  if (!mapped) return null;
  if (field === 'addressDetail') return mapped.detail ? { values: [mapped.detail], ambiguous: null } : null;
  const candidates = mapped.candidates;
  if (candidates.length === 0) return null;
  if (field === 'province') {
    const provinces = [...new Set(candidates.map((c) => c.provinceCode))];
    if (provinces.length > 1) return { values: [], ambiguous: candidates.map((c) => c.provinceName).join(', ') };
    return { values: [candidates[0]!.provinceCode, candidates[0]!.provinceName], ambiguous: null };
  }
  if (candidates.length > 1) return { values: [], ambiguous: candidates.map((c) => c.wardName).join(', ') };
  return { values: [candidates[0]!.wardCode, candidates[0]!.wardName], ambiguous: null };
}

/** What goes into a field for a person, or null when the record does not hold it. */
export function valueFor(person: Person, field: FillField, part: 'day' | 'month' | 'year' | null, kind: string): string | null {
  const name = person.fullName.value;
  switch (field) {
    case 'fullName':
      return name;
    case 'familyName':
      return splitName(name).family || null;
    case 'middleName':
      return splitName(name).middle || null;
    case 'givenName':
      return splitName(name).given || null;
    case 'birthDate':
    case 'idIssueDate': {
      const date = person[field]?.value;
      if (!date) return null;
      if (part === 'year') return String(date.year);
      if (part === 'month') return date.month ? String(date.month).padStart(2, '0') : null;
      if (part === 'day') return date.day ? String(date.day).padStart(2, '0') : null;
      if (kind === 'date') return formatIsoDate(date);
      return formatDate(date);
    }
    case 'birthYear':
      return person.birthDate ? String(person.birthDate.value.year) : null;
    case 'permanentAddress':
    case 'currentAddress':
      return person[field]?.value.text ?? null;
    case 'province':
    case 'ward':
    case 'addressDetail':
    case 'relation':
    case 'dateFormat':
      return null; // addressValueFor, dateFormatChoices and the driver pass of fillForm decide these
    default:
      return person[field]?.value ?? null;
  }
}

/** The options a "date format" selector may show for the precision of the person's date of birth. */
export function dateFormatChoices(person: Person): string[] | null {
  const date = person.birthDate?.value;
  if (!date) return null;
  const formats = dateFormatValues();
  if (date.precision === 'year' || date.month === undefined) return formats.year;
  if (date.precision === 'month' || date.day === undefined) return formats.month;
  return formats.day;
}
