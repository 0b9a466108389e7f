import type { MappedAddresses } from '@/utils/autofill/addresses';
import type { Person } from '@/utils/records/schema';
import { ethnicGroup } from '@/utils/vn/ethnicity';
import { splitName } from '@/utils/vn/names';
import type { Classified, Reason, Want } from '@/utils/autofill/control';
import { dateFormatValues } from '@/utils/autofill/labels';

/** A person as the filler gets them: the record and its addresses mapped to 2025 units. */
export interface FillPerson {
  person: Person;
  addresses?: MappedAddresses;
  /** The ids of the person's father and mother as the records link them (a relation asked on the form). */
  parents?: { father?: string; mother?: string };
}

/** What the record gives a control, or why it gives nothing; `note` is said even when it fills. */
export type WantResult = { want: Want; note?: Reason } | { reason: Reason };

const sexSpellings = { Nam: ['Nam', 'Male', 'M', '1'], Nữ: ['Nữ', 'Nu', 'Female', 'F', '2'] } as const;
const vietnam = ['Việt Nam', 'Viet Nam', 'VN', 'VNM', 'Vietnam'];
const two = (n: number) => String(n).padStart(2, '0');

function mapped(who: FillPerson, kind: Classified['address']) {
  const list = who.addresses ?? { permanentAddress: null, currentAddress: null };
  // The place applied for is the household head's own residence (the run gives the head for it).
  return kind === 'currentAddress'
    ? (list.currentAddress ?? list.permanentAddress)
    : (list.permanentAddress ?? list.currentAddress);
}

/** A 2025 address as one line: detail, ward, province ("Số 5 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội"). */
function addressLine(who: FillPerson, kind: Classified['address']): WantResult {
  const m = mapped(who, kind);
  const text =
    (kind === 'currentAddress' ? who.person.currentAddress : who.person.permanentAddress)?.value.text ??
    who.person.permanentAddress?.value.text;
  if (m && m.candidates.length === 1) {
    const c = m.candidates[0]!;
    return { want: { kind: 'text', text: [m.detail, c.wardName, c.provinceName].filter(Boolean).join(', ') } };
  }
  if (m && m.candidates.length > 1)
    return { reason: { code: 'ambiguousWard', params: { wards: m.candidates.map((c) => c.wardName).join(', ') } } };
  if (!text) return { reason: { code: 'noData' } };
  return { want: { kind: 'text', text }, note: { code: 'noAddress', params: { text } } };
}

function addressPart(who: FillPerson, c: Classified): WantResult {
  const m = mapped(who, c.address);
  if (!m) return { reason: { code: 'noData' } };
  if (c.field === 'addressDetail')
    return m.detail ? { want: { kind: 'text', text: m.detail } } : { reason: { code: 'noData' } };
  if (m.candidates.length === 0) return { reason: m.reason ?? { code: 'noAddress', params: { text: m.detail } } };
  if (c.field === 'province') {
    const provinces = [...new Set(m.candidates.map((x) => x.provinceCode))];
    if (provinces.length > 1)
      return {
        reason: { code: 'ambiguousWard', params: { wards: m.candidates.map((x) => x.provinceName).join(', ') } },
      };
    const p = m.candidates[0]!;
    return { want: { kind: 'choice', values: [p.provinceName, p.provinceCode] } };
  }
  if (m.candidates.length > 1)
    return { reason: { code: 'ambiguousWard', params: { wards: m.candidates.map((x) => x.wardName).join(', ') } } };
  const w = m.candidates[0]!;
  return { want: { kind: 'choice', values: [w.wardName, w.wardCode] } };
}

/**
 * A cascader's path (Tỉnh/Thành phố, then Xã/Phường/Đặc khu) for the address its label names, or the one its
 * block holds: the 2025 units the address maps to, when it maps to one ward.
 */
function placePath(who: FillPerson, c: Classified): WantResult {
  const address = c.field === 'permanentAddress' || c.field === 'currentAddress' ? c.field : c.address;
  // The ward first: an address mapped to several wards is left to the officer with their names.
  const ward = addressPart(who, { ...c, address, field: 'ward' });
  if ('reason' in ward) return ward;
  const province = addressPart(who, { ...c, address, field: 'province' });
  if ('reason' in province) return province;
  const values = (r: WantResult) => ('want' in r && r.want.kind === 'choice' ? r.want.values : []);
  return { want: { kind: 'path', steps: [values(province), values(ward)] } };
}

const placeFields = new Set<Classified['field']>(['permanentAddress', 'currentAddress', 'province', 'ward']);

function dateWant(date: NonNullable<Person['birthDate']>['value'], c: Classified): WantResult {
  if (c.part === 'year' || c.field === 'birthYear')
    return {
      want: {
        kind: c.kind === 'choice' ? 'choice' : 'text',
        ...(c.kind === 'choice' ? { values: [String(date.year)] } : { text: String(date.year) }),
      } as Want,
    };
  if (c.part === 'month')
    return date.month
      ? {
          want:
            c.kind === 'choice'
              ? { kind: 'choice', values: [two(date.month), String(date.month)] }
              : { kind: 'text', text: two(date.month) },
        }
      : { reason: { code: 'noData' } };
  if (c.part === 'day')
    return date.day
      ? {
          want:
            c.kind === 'choice'
              ? { kind: 'choice', values: [two(date.day), String(date.day)] }
              : { kind: 'text', text: two(date.day) },
        }
      : { reason: { code: 'noData' } };
  return { want: { kind: 'date', date } };
}

const textOrNone = (value: string | undefined | null): WantResult =>
  value ? { want: { kind: 'text', text: value } } : { reason: { code: 'noData' } };

/** What the record puts into a classified control. Relation and date-format drivers are decided by the run. */
export function wantFor(who: FillPerson, c: Classified): WantResult {
  const p = who.person;
  const name = p.fullName.value;
  if (c.kind === 'path') return placeFields.has(c.field) ? placePath(who, c) : { reason: { code: 'unknownField' } };
  switch (c.field) {
    case 'fullName':
      return { want: { kind: 'text', text: name } };
    case 'familyName':
      return textOrNone(splitName(name).family);
    case 'middleName':
      return textOrNone(splitName(name).middle);
    case 'givenName':
      return textOrNone(splitName(name).given);
    case 'birthDate':
    case 'idIssueDate':
      return p[c.field] ? dateWant(p[c.field]!.value, c) : { reason: { code: 'noData' } };
    case 'birthYear':
      return p.birthDate ? dateWant(p.birthDate.value, { ...c, field: 'birthYear' }) : { reason: { code: 'noData' } };
    case 'sex':
      return p.sex
        ? { want: { kind: 'choice', values: [...sexSpellings[p.sex.value]] } }
        : { reason: { code: 'noData' } };
    case 'ethnicity': {
      if (!p.ethnicity) return { reason: { code: 'noData' } };
      const group = ethnicGroup(p.ethnicity.value);
      const values = group ? [p.ethnicity.value, group.name, ...group.aliases, group.code] : [p.ethnicity.value];
      return { want: { kind: 'choice', values: [...new Set(values)], fallbackOther: true } };
    }
    case 'nationality': {
      if (!p.nationality) return { reason: { code: 'noData' } };
      const values = vietnam.includes(p.nationality.value) ? vietnam : [p.nationality.value];
      return { want: c.kind === 'choice' ? { kind: 'choice', values } : { kind: 'text', text: p.nationality.value } };
    }
    case 'permanentAddress':
    case 'currentAddress':
      return addressLine(who, c.field);
    case 'province':
    case 'ward':
    case 'addressDetail':
      return addressPart(who, c);
    case 'maritalStatus':
    case 'occupation':
    case 'religion':
    case 'placeOfBirth':
    case 'hometown':
    case 'personalId':
    case 'oldId':
    case 'idIssuePlace':
    case 'phone':
    case 'email': {
      const value = p[c.field]?.value;
      if (!value) return { reason: { code: 'noData' } };
      return { want: c.kind === 'choice' ? { kind: 'choice', values: [value] } : { kind: 'text', text: value } };
    }
    case 'addressCountry': {
      // Every address the records map is in Viet Nam (the 2025 units); a foreign one is not mapped.
      if (!mapped(who, c.address)?.candidates.length && p.nationality?.value !== 'Việt Nam')
        return { reason: { code: 'noData' } };
      return { want: c.kind === 'choice' ? { kind: 'choice', values: vietnam } : { kind: 'text', text: 'Việt Nam' } };
    }
    case 'residenceType': {
      const current = c.address === 'currentAddress';
      if (!(current ? p.currentAddress : p.permanentAddress)) return { reason: { code: 'noData' } };
      return {
        want: { kind: 'choice', values: current ? ['Nơi ở hiện tại', '3'] : ['Thường trú', 'Nơi thường trú', '1'] },
      };
    }
    case 'dateFormat': {
      const date = p.birthDate?.value;
      if (!date) return { reason: { code: 'noData' } };
      const formats = dateFormatValues();
      const values =
        date.precision === 'year' || date.month === undefined
          ? formats.year
          : date.precision === 'month' || date.day === undefined
            ? formats.month
            : formats.day;
      return { want: { kind: 'choice', values } };
    }
    case 'relation':
    case null:
      return { reason: { code: 'unknownField' } };
  }
}
