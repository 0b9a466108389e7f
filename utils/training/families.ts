import { fakerVI as faker } from '@faker-js/faker';
import { personSchema, type Person, type Provenance } from '../records/schema';
import { addressFromText } from '../vn/admin-units';
import { legacyProvinces } from '../vn/personal-id';

/**
 * Synthetic citizens for training: families (father, mother, newborn) with Vietnamese names with diacritics
 * (faker's `vi` locale), 12-digit IDs consistent with birth year, sex and a province of birth, and addresses
 * written both the pre-2025 way (ward, district, province) and the 2025 way (ward, province). One family is
 * fixed, so the guided tours can name it.
 */
export const demoFamily = { mother: 'Phạm Thị Thu Hà', father: 'Đỗ Minh Quân', child: 'Đỗ Minh Khôi' } as const;

const prov: Provenance = { source: 'import', confidence: 1, at: '2026-01-01T00:00:00.000Z', verifiedBy: null, verifiedAt: null, notes: ['Dữ liệu mẫu để đào tạo'] };
const f = <T>(value: T) => ({ value, prov });

const oldAddresses = [
  'Số 12 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội',
  'Số 5 ngõ 8 Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội',
  'Tổ 5, Phường Thụy Khuê, Quận Tây Hồ, Hà Nội',
  'Số 40 Phúc Xá, Phường Phúc Xá, Quận Ba Đình, Hà Nội',
];
const newAddresses = ['Số 18 Lý Thái Tổ, Phường Hoàn Kiếm, Thành phố Hà Nội', 'Số 3 Giảng Võ, Phường Giảng Võ, Thành phố Hà Nội', 'Số 77 Bồ Đề, Phường Bồ Đề, Thành phố Hà Nội'];

function personalId(sex: 'Nam' | 'Nữ', year: number, province: string): string {
  const g = (Math.floor(year / 100) - 19) * 2 + (sex === 'Nữ' ? 1 : 0);
  return `${province}${g}${String(year % 100).padStart(2, '0')}${faker.string.numeric(6)}`;
}

function person(name: string, sex: 'Nam' | 'Nữ', birth: { day: number; month: number; year: number }, address: string | null, extra: Partial<Person> = {}): Person {
  const id = crypto.randomUUID();
  const province = faker.helpers.arrayElement(legacyProvinces()).code;
  return personSchema.parse({
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    fullName: f(name),
    birthDate: f({ ...birth, precision: 'day' }),
    sex: f(sex),
    ...(birth.year < 2025 ? { personalId: f(personalId(sex, birth.year, province)) } : {}),
    ethnicity: f('Kinh'),
    nationality: f('Việt Nam'),
    ...(address ? { permanentAddress: f(addressFromText(address)) } : {}),
    ...(birth.year < 2025 ? { phone: f(`09${faker.string.numeric(8)}`) } : {}),
    note: '',
    ...extra,
  });
}

export interface Family {
  father: Person;
  mother: Person;
  child: Person;
}

/** `count` families after the demo one, the same for a given seed. */
export function trainingFamilies(count = 24, seed = 2026): Family[] {
  faker.seed(seed);
  const families: Family[] = [];
  for (let i = 0; i <= count; i++) {
    const demo = i === 0;
    const surname = demo ? 'Đỗ' : faker.person.lastName();
    const address = demo ? oldAddresses[0]! : faker.helpers.arrayElement(i % 2 ? oldAddresses : newAddresses);
    const fatherYear = faker.number.int({ min: 1975, max: 2000 });
    const birthOf = (year: number) => ({ day: faker.number.int({ min: 1, max: 28 }), month: faker.number.int({ min: 1, max: 12 }), year });
    const father = person(demo ? demoFamily.father : `${surname} ${faker.person.firstName('male')}`, 'Nam', birthOf(fatherYear), address);
    const mother = person(demo ? demoFamily.mother : `${faker.person.lastName()} Thị ${faker.person.firstName('female').split(' ').at(-1)}`, 'Nữ', birthOf(fatherYear + faker.number.int({ min: -2, max: 5 })), address);
    const child = person(demo ? demoFamily.child : `${surname} ${faker.person.firstName(i % 3 ? 'male' : 'female')}`, i % 3 ? 'Nam' : 'Nữ', { day: faker.number.int({ min: 1, max: 20 }), month: 10, year: 2026 }, null, {
      placeOfBirth: f('Bệnh viện Phụ sản Hà Nội'),
    });
    families.push({ father, mother, child });
  }
  return families;
}
