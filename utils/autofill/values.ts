import type { Person } from '../records/schema';
import { formatDate, formatIsoDate } from '../vn/dates';
import { splitName } from '../vn/names';
import type { FillField } from './labels';

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
    default:
      return person[field]?.value ?? null;
  }
}
