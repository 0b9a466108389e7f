import type { CardReading, CardModel, OcrField } from '@/utils/capture/card-fields';
import { dateOf, personalIdOf, sexOf, trimMarks } from '@/utils/capture/card-fields';
import type { MrzResult } from '@/utils/capture/mrz';
import type { PlaceLexicon, PlaceRepair } from '@/utils/capture/places';
import { repairName } from '@/utils/capture/names';
import type { CitizenQr } from '@/utils/capture/qr-payload';
import { t } from '@/utils/i18n';
import { cardExpiry } from '@/utils/vn/card-validity';
import { formatDate, type VnDate } from '@/utils/vn/dates';
import { toTitleVi } from '@/utils/vn/names';
import { crossCheckId, decodePersonalId, legacyProvinces } from '@/utils/vn/personal-id';
import { placeKey } from '@/utils/vn/place-names';
import { cleanSpaces, fold } from '@/utils/vn/text';

/**
 * Puts what the QR code, the MRZ and OCR read into one review: for each field the value, where it came from,
 * how sure it is, and what disagrees. Order of trust: the QR (exact text, diacritics), then the MRZ where its
 * check digits pass (no diacritics), then OCR. Disagreements are shown, not hidden.
 */

/** `rule`: given by the law from other fields (the expiry from the birth and issue dates), not read. */
export type CaptureSource = 'qr' | 'mrz' | 'ocr' | 'rule';

export const reviewFieldNames = [
  'fullName',
  'birthDate',
  'sex',
  'personalId',
  'oldId',
  'nationality',
  'hometown',
  'placeOfBirth',
  'permanentAddress',
  'idIssueDate',
  'idIssuePlace',
  'expiry',
] as const;
export type ReviewFieldName = (typeof reviewFieldNames)[number];

export interface ReviewField {
  /** As shown in the input: dates dd/mm/yyyy, sex Nam/Nữ. */
  value: string;
  source: CaptureSource;
  confidence: number;
  uncertain: boolean;
  notes: string[];
}

export type Review = Partial<Record<ReviewFieldName, ReviewField>>;

export interface CaptureSources {
  qr?: CitizenQr | null;
  mrz?: MrzResult | null;
  /** OCR readings of the sides photographed (front, back). */
  ocr?: CardReading[];
}

const qrConfidence = 0.99;

function dateText(d: VnDate | null | undefined): string | null {
  return d ? formatDate(d) : null;
}

export interface FuseOptions {
  /** For the expiry check; today by default. */
  today?: VnDate;
  /** Place names from the admin-units data, to put back marks OCR lost in addresses. */
  places?: PlaceLexicon | null;
}

export function fuse(sources: CaptureSources, options: FuseOptions = {}): Review {
  const now = new Date();
  const today = options.today ?? {
    year: now.getFullYear(),
    month: now.getMonth() + 1,
    day: now.getDate(),
    precision: 'day',
  };
  /** `commune`: the address opens with its commune (a hometown, a birthplace), asked to be a whole name. */
  const place = (field: OcrField, commune = false): PlaceReading => {
    const readings = [field.text, ...(field.alternatives ?? [])].map((t) => trimMarks(t).replace(/,+$/, ''));
    const lexicon = options.places;
    if (!lexicon) return { value: readings[0]!, notes: [], ambiguous: false, settled: false, agreed: false };
    // Of the readings (the page's, then a focused re-read), the one whose words the place names explain best;
    // the focused one when they explain both as well.
    const pieces = (r: PlaceRepair) => (commune ? r.partial : []);
    const score = (r: PlaceRepair) => r.known - 2 * r.unknown - 2 * pieces(r).length;
    const r = readings.map((t) => lexicon.repair(t)).reduce((best, next) => (score(next) >= score(best) ? next : best));
    const notes = r.changes.length
      ? [`Đã sửa dấu địa danh theo danh mục đơn vị hành chính: ${r.changes.join(', ')}.`]
      : [];
    if (r.dropped.length)
      notes.push(`Đã bỏ ${r.dropped.map((d) => `"${d}"`).join(', ')}: chữ đọc thừa, không thuộc địa chỉ.`);
    if (r.ambiguous.length)
      notes.push(`Chưa rõ dấu của ${r.ambiguous.map((a) => `"${a}"`).join(', ')}; hãy đối chiếu với thẻ.`);
    if (pieces(r).length)
      notes.push(
        `${pieces(r)
          .map((a) => `"${a}"`)
          .join(', ')} chỉ là một phần của tên địa danh: có thể bị đọc thiếu chữ; hãy đối chiếu với thẻ.`,
      );
    const whole = endsInProvince(r.value);
    if (!whole)
      notes.push('Cuối địa chỉ không phải tên tỉnh, thành phố: dòng có thể bị đọc thiếu; hãy đối chiếu với thẻ.');
    return {
      value: r.value,
      notes,
      ambiguous: r.ambiguous.length > 0,
      settled:
        whole &&
        r.changes.length === 0 &&
        r.dropped.length === 0 &&
        r.ambiguous.length === 0 &&
        pieces(r).length === 0 &&
        r.unknown === 0,
      // Both looks name the same place, word for word, once the place names have spoken (a second look that
      // differs only where the lexicon needs no repair to read it, "Nghĩa Trung," against "Nghĩa Trung"): one
      // witness each, not a doubt.
      agreed: readings.every((t) => lexicon.repair(t).value === r.value),
    };
  };
  const review: Review = {};
  const { qr, mrz } = sources;
  const ocr = sources.ocr ?? [];
  const ocrField = (name: Parameters<typeof pick>[1]) => pick(ocr, name);
  const mrzOk = (field: string) => mrz?.checks.find((c) => c.field === field)?.ok ?? false;
  // A field's check digit is one digit: on a line that had to be realigned, or when the composite check
  // fails, a pass may be luck (a shifted "058" read as "089" passes both the number's check and the
  // composite), and the front's large print, read alike twice, is the better witness.
  const mrzTrust = (line: 1 | 2) =>
    !mrz?.realigned.includes(line) && (mrzOk('composite') || lineVouched(mrz!, line)) ? 0.98 : 0.85;

  // Number.
  const ocrId = ocrField('personalId');
  const ocrIdValue = ocrId ? personalIdOf(ocrId.text) : null;
  const candidatesId: Candidate[] = [];
  if (qr?.personalId && /^\d{12}$/.test(qr.personalId)) candidatesId.push(['qr', qr.personalId, qrConfidence]);
  if (mrz?.personalId && mrzOk('personalId')) candidatesId.push(['mrz', mrz.personalId, mrzTrust(1)]);
  // Nine of its digits checked as the document number, its own check digit unread: never above a flag.
  else if (mrz?.personalId && mrz.personalIdUnchecked) candidatesId.push(['mrz', mrz.personalId, 0.85]);
  if (ocrIdValue) candidatesId.push(['ocr', ocrIdValue, ocrId!.confidence, ocrId!.agreed === true]);
  if (candidatesId.length) review.personalId = agree(candidatesId, 'Số định danh');

  // Name: QR spells it; otherwise OCR repaired with the MRZ letters and the name lexicon.
  const ocrName = ocrField('fullName');
  const mrzName = mrz?.nameAscii ?? null;
  if (qr?.fullName) {
    const notes: string[] = [];
    let uncertain = false;
    if (mrzName && fold(qr.fullName).toUpperCase() !== mrzName) {
      notes.push(`Họ tên trong MRZ (${mrzName}) khác mã QR; hãy đối chiếu với thẻ.`);
      uncertain = true;
    }
    if (
      ocrName &&
      fold(cleanSpaces(ocrName.text)).toUpperCase() !== fold(qr.fullName).toUpperCase() &&
      ocrName.confidence > 0.8
    ) {
      notes.push(`OCR đọc họ tên là "${toTitleVi(ocrName.text)}"; mã QR ghi "${qr.fullName}".`);
    }
    review.fullName = { value: qr.fullName, source: 'qr', confidence: qrConfidence, uncertain, notes };
  } else if (ocrName) {
    const repaired = repairName(ocrName.text, { mrz: mrz ? mrzName : null, wordConfidence: ocrName.confidence });
    // Read alike twice, every word a name the lexicon knows and none changed, three words or more (a word lost
    // at the edge leaves a shorter name that is still names): otherwise flagged.
    const words = repaired.value.split(' ').length;
    const vouched =
      !repaired.uncertain &&
      repaired.notes.length === 0 &&
      ocrName.agreed === true &&
      words >= 3 &&
      ocrName.confidence >= ocrFlagBelow;
    review.fullName = {
      value: repaired.value,
      source: 'ocr',
      confidence: repaired.confidence,
      uncertain: !vouched || (mrz !== null && mrz !== undefined && !mrzAgrees(repaired.value, mrzName)),
      notes: repaired.notes,
    };
  } else if (mrzName) {
    // The MRZ has no diacritics: the lexicon puts back those it can decide, and the field stays flagged.
    const repaired = repairName(mrzName, { wordConfidence: 0.6 });
    review.fullName = {
      value: repaired.value,
      source: 'mrz',
      confidence: 0.5,
      uncertain: true,
      notes: [
        'Họ tên lấy từ MRZ (không có dấu); dấu được thêm theo danh mục tên, hãy đối chiếu với thẻ.',
        ...repaired.notes,
      ],
    };
  }

  // Dates and sex.
  const dateCandidates = (
    qrValue: VnDate | null | undefined,
    mrzValue: VnDate | null | undefined,
    mrzCheck: string | null,
    ocrName: 'birthDate' | 'issueDate' | 'expiry',
  ) => {
    const list: Candidate[] = [];
    const q = dateText(qrValue);
    if (q) list.push(['qr', q, qrConfidence]);
    const m = mrzCheck && mrzOk(mrzCheck) ? dateText(mrzValue) : null;
    if (m) list.push(['mrz', m, mrzTrust(2)]);
    const o = ocrField(ocrName);
    const od = o ? dateOf(o.text, ocrName === 'expiry' ? 'last' : 'first') : null;
    if (o && od) list.push(['ocr', formatDate(od), o.confidence, o.agreed === true]);
    return list;
  };
  // The number carries the year of birth: a date that contradicts the number it was read with is the
  // weaker witness (an MRZ line realigned by luck, a misread digit).
  const idYear =
    review.personalId && review.personalId.confidence >= 0.9
      ? decodePersonalId(review.personalId.value)?.birthYear
      : undefined;
  const birth = dateCandidates(qr?.birthDate, mrz?.birthDate, 'birthDate', 'birthDate').map(
    ([source, value, confidence, seconded]): Candidate =>
      idYear && dateOf(value)?.year !== idYear
        ? [source, value, Math.min(confidence, 0.5), false]
        : [source, value, confidence, seconded === true],
  );
  if (birth.length) review.birthDate = agree(birth, 'Ngày sinh');
  const issue = dateCandidates(qr?.issueDate, null, null, 'issueDate');
  if (issue.length) {
    review.idIssueDate = agree(issue, 'Ngày cấp');
    // No card is issued after today: a date read there is another (the 2024 back prints the expiry beside it).
    const issued = dateOf(review.idIssueDate.value);
    if (issued && compare(issued, today) > 0) {
      review.idIssueDate.notes.push(`Ngày cấp ${formatDate(issued)} sau hôm nay: hãy đối chiếu với thẻ.`);
      review.idIssueDate.uncertain = true;
    }
  }
  // A passport's expiry is the passport's, not the card's.
  const cardMrz = mrz?.format === 'td1';
  const expiryList = dateCandidates(null, cardMrz ? mrz.expiry : null, cardMrz ? 'expiry' : null, 'expiry');
  // A card without expiry: the MRZ's expiry is all fillers (its check passes), or the card says so.
  const ocrExpiry = ocrField('expiry');
  if (!expiryList.length) {
    if (cardMrz && mrzOk('expiry') && !mrz.expiry) expiryList.push(['mrz', 'Không thời hạn', 0.95]);
    else if (ocrExpiry && /khong thoi han/i.test(fold(ocrExpiry.text)))
      expiryList.push(['ocr', 'Không thời hạn', ocrExpiry.confidence, false]);
  }
  if (expiryList.length) {
    review.expiry = agree(expiryList, 'Ngày hết hạn');
    const expiry = dateOf(review.expiry.value);
    if (expiry && compare(expiry, today) < 0) {
      review.expiry.notes.push(`Thẻ đã hết hạn từ ${formatDate(expiry)}; công dân cần làm lại thẻ.`);
      review.expiry.uncertain = true;
    }
  }

  const sexList: Candidate[] = [];
  if (qr?.sex) sexList.push(['qr', qr.sex, qrConfidence]);
  if (mrz?.sex) sexList.push(['mrz', mrz.sex, 0.9]);
  const ocrSex = ocrField('sex');
  const ocrSexValue = ocrSex ? sexOf(ocrSex.text) : null;
  // The number's sex digit seconds the OCR's reading (checked below, once the number is settled).
  if (ocrSexValue) sexList.push(['ocr', ocrSexValue, ocrSex!.confidence, true]);
  if (sexList.length) review.sex = agree(sexList, 'Giới tính');

  if (qr?.oldId)
    review.oldId = { value: qr.oldId, source: 'qr', confidence: qrConfidence, uncertain: false, notes: [] };

  // Text fields only OCR (or the QR, for the residence) gives.
  const nationality = ocrField('nationality');
  if (nationality) {
    const value = /viet/i.test(fold(nationality.text)) ? 'Việt Nam' : cleanSpaces(nationality.text);
    // The card prints one nationality in practice: a reading of its words settles it.
    review.nationality = {
      value,
      source: 'ocr',
      confidence: nationality.confidence,
      uncertain: value !== 'Việt Nam',
      notes: [],
    };
  }
  for (const name of ['hometown', 'placeOfBirth'] as const) {
    const f = ocrField(name);
    if (!f) continue;
    const p = place(f, true);
    review[name] = {
      value: p.value,
      source: 'ocr',
      confidence: f.confidence,
      uncertain: !placeVouched(f, p),
      notes: p.notes,
    };
  }
  const ocrResidence = ocrField('residence');
  const printed = ocrResidence ? place(ocrResidence) : null;
  if (qr?.residence) {
    review.permanentAddress = qrResidence(qr.residence, printed?.value ?? null);
  } else if (ocrResidence && printed) {
    review.permanentAddress = {
      value: printed.value,
      source: 'ocr',
      confidence: ocrResidence.confidence,
      uncertain: !placeVouched(ocrResidence, printed),
      notes: printed.notes,
    };
  }

  // The issuing authority follows from the card model.
  const model: CardModel | null =
    ocr.map((r) => r.model).find((m) => m) ??
    (qr?.issueDate && compare(qr.issueDate, { year: 2024, month: 7, day: 1, precision: 'day' }) >= 0
      ? '2024'
      : qr
        ? '2021'
        : null);
  if (model) {
    review.idIssuePlace = {
      value: model === '2024' ? 'Bộ Công an' : 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      source: ocr.some((r) => r.model) ? 'ocr' : 'qr',
      confidence: 0.9,
      uncertain: false,
      notes: [model === '2024' ? 'Thẻ căn cước mẫu 2024.' : 'Thẻ căn cước công dân gắn chip mẫu 2021.'],
    };
  }

  // The number's own hints: century, year and sex.
  const id = review.personalId?.value;
  if (id && decodePersonalId(id)) {
    const birthDate = review.birthDate ? dateOf(review.birthDate.value) : null;
    const sex = review.sex?.value === 'Nam' || review.sex?.value === 'Nữ' ? review.sex.value : undefined;
    for (const issueHint of crossCheckId(id, { ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}) })) {
      const target =
        issueHint.field === 'birthYear' ? review.birthDate : issueHint.field === 'sex' ? review.sex : review.personalId;
      if (target) {
        // The review's notes are still sentences (left for later): this one is said from the catalogue.
        target.notes.push(t('vi', issueHint.message.key, issueHint.message.params));
        target.uncertain = true;
      }
    }
    vouchByCard(review, id);
  }
  if (model) byRenewalAges(review, model, today);
  offBirthday(review);
  return review;
}

/**
 * A card runs out on a birthday (the renewal ages of the Law on Identification): an expiry read on another day
 * than the birth date's says one of the two was misread, however many checks passed (a stranger's back read
 * '3' as '5' in the birth date and in its check digit alike: "05/01/2001", expiring "03/01/2026"). Both are
 * flagged, with why.
 */
function offBirthday(review: Review) {
  const birth = review.birthDate ? dateOf(review.birthDate.value) : null;
  const expiry = review.expiry ? dateOf(review.expiry.value) : null;
  if (!birth || !expiry || birth.day === undefined || birth.month === undefined) return;
  if (expiry.day === birth.day && expiry.month === birth.month) return;
  const note = `Ngày hết hạn ${formatDate(expiry)} không trùng ngày sinh ${formatDate(birth)} (thẻ hết hạn vào ngày sinh nhật): một trong hai bị đọc sai; hãy đối chiếu với thẻ.`;
  for (const field of [review.birthDate!, review.expiry!]) {
    field.uncertain = true;
    field.notes.push(note);
  }
}

/**
 * Witnesses the card's own rules give, once the number stands: the sex its digit encodes, the birth year it
 * encodes (for a birth date whose own check digit passed in the MRZ), and the expiry at the 25th, 40th or 60th
 * birthday (Law on Identification). A value no other witness disputes is then not flagged.
 */
function vouchByCard(review: Review, id: string) {
  const number = review.personalId;
  const decoded = decodePersonalId(id);
  if (!number || number.uncertain || !decoded) return;
  const undisputed = (f: ReviewField | undefined): f is ReviewField => f !== undefined && f.notes.length === 0;
  if (undisputed(review.sex) && review.sex.value === decoded.sex) review.sex.uncertain = false;
  const birth = review.birthDate ? dateOf(review.birthDate.value) : null;
  if (undisputed(review.birthDate) && review.birthDate.source === 'mrz' && birth?.year === decoded.birthYear)
    review.birthDate.uncertain = false;
  const expiry = review.expiry ? dateOf(review.expiry.value) : null;
  const birthSettled = review.birthDate && !review.birthDate.uncertain && birth;
  if (
    undisputed(review.expiry) &&
    birthSettled &&
    expiry &&
    expiry.day === birth.day &&
    expiry.month === birth.month &&
    [25, 40, 60].includes(expiry.year - birth.year)
  )
    review.expiry.uncertain = false;
}

/** The years each model was issued in: the chip card of 2021 until the Law on Identification of 2024 took effect. */
const issuedBetween: Record<CardModel, [VnDate, VnDate]> = {
  '2021': [
    { year: 2021, month: 1, day: 1, precision: 'day' },
    { year: 2024, month: 6, day: 30, precision: 'day' },
  ],
  '2024': [
    { year: 2024, month: 7, day: 1, precision: 'day' },
    { year: 9999, month: 12, day: 31, precision: 'day' },
  ],
};

/**
 * The expiry the law gives the card (its renewal ages, from the birth date and the issue date), once both
 * stand, or from the birth date alone when every issue date the model had gives the same: a witness of its own.
 * A reading the same is vouched (a card past it keeps its note); one that differs is flagged with the law's date;
 * none read, the law's date is shown, flagged, for the officer to compare.
 */
function byRenewalAges(review: Review, model: CardModel, today: VnDate) {
  const standing = (f: ReviewField | undefined) => (f && !f.uncertain ? dateOf(f.value) : null);
  const birth = standing(review.birthDate);
  if (!birth) return;
  const issue = standing(review.idIssueDate);
  let due = issue ? cardExpiry(model, birth, issue) : null;
  let issued = issue ? `cấp ngày ${formatDate(issue)}` : '';
  if (!issue) {
    // The issue date unread (a front alone): the model was issued only within its years, and a card issued later
    // never runs out sooner, so an expiry the same at both ends of them is the card's (born in 1958, a 2021 card
    // was issued past 58: no expiry).
    const [from, to] = issuedBetween[model];
    const last = compare(to, today) < 0 ? to : today;
    if (compare(from, last) > 0) return;
    const first = cardExpiry(model, birth, from);
    const latest = cardExpiry(model, birth, last);
    const text = (v: typeof first) => (v === null ? null : v === 'none' ? 'none' : formatDate(v));
    if (!first || text(first) !== text(latest)) return;
    due = first;
    issued = `cấp từ ${formatDate(from)} đến ${formatDate(last)}`;
  }
  if (!due) return;
  const dueText = due === 'none' ? 'Không thời hạn' : formatDate(due);
  const law = `theo Luật Căn cước, thẻ mẫu ${model} ${issued} cho người sinh ngày ${formatDate(birth)} có giá trị đến: ${dueText}`;
  const expiry = review.expiry;
  if (!expiry) {
    const notes = [`Không đọc được trên ảnh; ${law}. Hãy đối chiếu với thẻ.`];
    if (due !== 'none' && compare(due, today) < 0)
      notes.push(`Thẻ đã hết hạn từ ${dueText}; công dân cần làm lại thẻ.`);
    review.expiry = { value: dueText, source: 'rule', confidence: 0.6, uncertain: true, notes };
  } else if (expiry.value === dueText) {
    const expired = (n: string) => n.startsWith('Thẻ đã hết hạn');
    if (expiry.notes.every(expired)) expiry.uncertain = false;
  } else {
    expiry.notes.push(`Khác ngày hết hạn ${law}; hãy đối chiếu với thẻ.`);
    expiry.uncertain = true;
  }
}

/**
 * A line of a card's MRZ whose composite check failed (a misread elsewhere) still stands where its own check
 * digits and the card's rules agree, each witness read apart: line 1 when the number's two copies (the
 * document number, its last nine digits, and the whole number) each pass their check, the number names a
 * province and the birth year that line 2's birth date (its check passing) gives; line 2 when the birth date and
 * the expiry each pass their check and the expiry falls on the 25th, 40th or 60th birthday (Law on
 * Identification). The sex letter has no check of its own: it stands by the number's sex digit (vouchByCard).
 */
function lineVouched(mrz: MrzResult, line: 1 | 2): boolean {
  if (mrz.format !== 'td1') return false;
  const ok = (field: string) => mrz.checks.find((c) => c.field === field)?.ok ?? false;
  if (line === 1) {
    const id = mrz.personalId;
    const decoded = id ? decodePersonalId(id) : null;
    return (
      id !== null &&
      ok('documentNumber') &&
      ok('personalId') &&
      mrz.documentNumber === id.slice(3) &&
      Boolean(decoded?.province || decoded?.abroad) &&
      ok('birthDate') &&
      !mrz.realigned.includes(2) &&
      mrz.birthDate?.year === decoded?.birthYear
    );
  }
  const { birthDate: birth, expiry } = mrz;
  return (
    ok('birthDate') &&
    ok('expiry') &&
    birth !== null &&
    expiry !== null &&
    expiry.day === birth.day &&
    expiry.month === birth.month &&
    [25, 40, 60].includes(expiry.year - birth.year)
  );
}

function pick(readings: CardReading[], name: keyof CardReading['fields']) {
  return readings.map((r) => r.fields[name]).find((f) => f !== undefined);
}

interface PlaceReading {
  value: string;
  notes: string[];
  ambiguous: boolean;
  /** Every word a place name, an address word or a number, none changed or dropped. */
  settled: boolean;
  /** The page's reading and the focused re-read come to the same address. */
  agreed: boolean;
}

/** A place read alike twice (or the second look saw the same), every word explained, none repaired. */
/**
 * The province each printed address ends with (the card's hometown, birthplace and residence all do): by the
 * 63 provinces the cards were issued under, and the 2025 names not among them. An address cut short by the
 * OCR ("…, Quận 10, Thành phố 1" for "…, Thành phố Hồ Chí Minh") ends in something else.
 */
const provinceKeys = new Set([...legacyProvinces().map((p) => p.name), 'Huế', 'Hồ Chí Minh', 'HCM'].map(placeKey));
export function endsInProvince(address: string): boolean {
  const last = address.split(',').at(-1)?.trim() ?? '';
  return provinceKeys.has(placeKey(last));
}

function placeVouched(field: OcrField, p: PlaceReading): boolean {
  // A second look that differs is in the alternatives, and p.agreed has weighed it.
  return (
    p.settled &&
    p.agreed &&
    (field.agreed !== false || Boolean(field.alternatives?.length)) &&
    field.confidence >= ocrFlagBelow
  );
}

const unitWord = /^(phường|xã|quận|huyện|thị xã|thị trấn|thành phố|tỉnh|tp\.?)$/i;
const unitPrefix = /^(Phường|Xã|Quận|Huyện|Thị xã|Thị trấn|Thành phố|Tỉnh|TP\.) /i;

/**
 * The QR often writes the residence without its unit words ("…, Lộc Thọ, Nha Trang, Khánh Hòa"); the card prints
 * them ("…, Phường Lộc Thọ, Thành phố Nha Trang, Khánh Hòa"). When the card's printed address, read by OCR,
 * is the QR's word for word but for those unit words, the printed form is kept (in the QR's spelling); else
 * the QR's, flagged when it lacks them.
 */
export function qrResidence(fromQr: string, printed: string | null): ReviewField {
  const parts = (t: string) =>
    t
      .split(',')
      .map((p) => cleanSpaces(p))
      .filter(Boolean);
  const q = parts(fromQr);
  // The street before, the province after (printed without "Tỉnh"): the parts between carry unit words on the card.
  const short = q.slice(1, -1).some((p) => !unitPrefix.test(p));
  if (printed) {
    const o = parts(printed);
    const bare = (p: string) => fold(p.replace(unitPrefix, '')).toLowerCase();
    if (o.length === q.length && o.every((p, i) => bare(p) === bare(q[i]!))) {
      const full = o.map((p, i) => {
        const unit = p.match(unitPrefix)?.[1];
        const word = q[i]!.replace(unitPrefix, '');
        return unit && !unitPrefix.test(q[i]!) && unitWord.test(unit) ? `${canonicalUnit(unit)} ${word}` : q[i]!;
      });
      return {
        value: full.join(', '),
        source: 'qr',
        confidence: qrConfidence,
        uncertain: false,
        notes: short
          ? [
              'Nơi thường trú theo mã QR, viết đủ "Phường/Xã/Quận/Huyện…" như in trên thẻ (chữ đọc trên thẻ khớp từng từ).',
            ]
          : [],
      };
    }
  }
  return {
    value: fromQr,
    source: 'qr',
    confidence: qrConfidence,
    uncertain: short,
    notes: short
      ? [
          'Mã QR ghi địa chỉ rút gọn (không có "Phường/Xã/Quận/Huyện…"); thẻ in đầy đủ: hãy đối chiếu hoặc chụp mặt có địa chỉ.',
        ]
      : [],
  };
}

function canonicalUnit(unit: string): string {
  const f = fold(unit).toLowerCase();
  const map: Record<string, string> = {
    phuong: 'Phường',
    xa: 'Xã',
    quan: 'Quận',
    huyen: 'Huyện',
    'thi xa': 'Thị xã',
    'thi tran': 'Thị trấn',
    'thanh pho': 'Thành phố',
    tinh: 'Tỉnh',
    'tp.': 'TP.',
    tp: 'TP.',
  };
  return map[f] ?? unit;
}

/** Whether a name's letters are the MRZ's. */
function mrzAgrees(name: string, mrzName: string | null): boolean {
  return mrzName !== null && fold(name).toUpperCase().replace(/Đ/g, 'D') === mrzName;
}

/**
 * A witness's value: its source, its confidence, and for OCR whether a second look at the value read the same
 * (a larger reading, digits only, its own column). The MRZ counts as seconded by its check digits.
 */
type Candidate = [CaptureSource, string, number] | [CaptureSource, string, number, boolean];

/**
 * OCR read once, or read alike twice below this confidence, is flagged: chosen on the tuning set (the bench's
 * calibration), where right values read alike twice stood above it and most wrong ones below.
 */
export const ocrFlagBelow = 0.6;

/**
 * The most trusted value, flagged unless a second witness vouches for it: the QR alone; two sources that agree;
 * the MRZ whose checks pass on lines read whole; OCR read alike twice. Others that disagree are named.
 */
function agree(unordered: Candidate[], label: string): ReviewField {
  // By trust: the QR first, then the MRZ or OCR as sure as each is (stable, so equals keep that order).
  const candidates = [...unordered].sort((a, b) => b[2] - a[2]);
  const [source, value, confidence, seconded] = candidates[0]!;
  const notes: string[] = [];
  const names: Record<CaptureSource, string> = { qr: 'mã QR', mrz: 'MRZ', ocr: 'OCR', rule: 'luật' };
  let differs = false;
  for (const [otherSource, other] of candidates.slice(1)) {
    if (other !== value) {
      notes.push(`${label}: ${names[otherSource]} đọc "${other}", khác ${names[source]} "${value}".`);
      differs = true;
    }
  }
  const agreeing = candidates.filter(([, v]) => v === value).length;
  const vouched =
    source === 'qr' ||
    agreeing > 1 ||
    (source === 'mrz' && confidence >= 0.98) ||
    (source === 'ocr' && seconded === true && confidence >= ocrFlagBelow);
  return {
    value,
    source,
    confidence: agreeing > 1 ? Math.max(confidence, 0.99) : confidence,
    uncertain: differs || !vouched,
    notes,
  };
}

function compare(a: VnDate, b: VnDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}
