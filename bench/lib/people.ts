import { readFileSync } from 'node:fs';
import { fakerVI as faker } from '@faker-js/faker';
import { legacyProvinces } from '../../utils/vn/personal-id';

/**
 * Synthetic citizens for benchmarks, seeded so every run measures the same people: Vietnamese names with
 * diacritics (faker's `vi` locale), 12-digit IDs consistent with birth year and sex, phones, addresses
 * built from the real 2025 units.
 */
export interface SyntheticPerson {
  name: string;
  dob: string;
  sex: 'Nam' | 'Nữ';
  personalId: string;
  phone: string;
  address: string;
}

const units = JSON.parse(
  readFileSync(new URL('../../public/data/admin-units/units-2026-07-25.json', import.meta.url), 'utf8'),
) as Array<{ FullName: string; Wards: Array<{ FullName: string }> }>;

export function syntheticPeople(count: number, seed = 20261128): SyntheticPerson[] {
  faker.seed(seed);
  const provinces = legacyProvinces();
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < count; i++) {
    const sex = faker.helpers.arrayElement(['Nam', 'Nữ'] as const);
    const name = `${faker.person.lastName()} ${faker.person.firstName(sex === 'Nam' ? 'male' : 'female')}`;
    const birth = faker.date.between({ from: '1940-01-01', to: '2024-12-31' });
    const year = birth.getUTCFullYear();
    const century = Math.floor(year / 100) - 19;
    const g = century * 2 + (sex === 'Nữ' ? 1 : 0);
    const province = faker.helpers.arrayElement(provinces).code;
    const personalId = `${province}${g}${String(year % 100).padStart(2, '0')}${faker.string.numeric(6)}`;
    const dob = `${String(birth.getUTCDate()).padStart(2, '0')}/${String(birth.getUTCMonth() + 1).padStart(2, '0')}/${year}`;
    const p = faker.helpers.arrayElement(units);
    const ward = faker.helpers.arrayElement(p.Wards);
    people.push({
      name,
      dob,
      sex,
      personalId,
      phone: `0${faker.helpers.arrayElement(['3', '5', '7', '8', '9'])}${faker.string.numeric(8)}`,
      address: `Số ${faker.number.int({ min: 1, max: 300 })}, ${ward.FullName}, ${p.FullName}`,
    });
  }
  return people;
}

export function peopleCsvText(people: SyntheticPerson[]): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = [['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân', 'Số điện thoại', 'Nơi thường trú']];
  for (const p of people) rows.push([p.name, p.dob, p.sex, p.personalId, p.phone, p.address]);
  return rows.map((r) => r.map(quote).join(',')).join('\r\n');
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** What officers type at the counter, drawn from the people themselves. */
export function realisticQueries(people: SyntheticPerson[], count: number, seed = 7): string[] {
  faker.seed(seed);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = faker.helpers.arrayElement(people);
    const words = p.name.split(' ');
    const kind = faker.number.int({ min: 0, max: 99 });
    if (kind < 30) queries.push(fold(p.name).toLowerCase());
    else if (kind < 50) queries.push(p.name);
    else if (kind < 65)
      queries.push(
        `${fold(words[0]!).toLowerCase()} ${fold(words[words.length - 1]!)
          .toLowerCase()
          .slice(0, 3)}`,
      );
    else if (kind < 80) queries.push(p.personalId);
    else if (kind < 85) queries.push(p.personalId.slice(0, 7));
    else if (kind < 95) queries.push(`${fold(words[words.length - 1]!).toLowerCase()} ${p.dob}`);
    else queries.push(p.phone);
  }
  return queries;
}
