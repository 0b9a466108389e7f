import { fold } from '@/utils/vn/text';

/**
 * The benchmark's baseline, what a quick integration does: the whole photo through tesseract as taken, then
 * regular expressions over the text. Kept here so the bench measures exactly this against the real pipeline.
 */
export interface BaselineFields {
  personalId?: string;
  fullName?: string;
  birthDate?: string;
  sex?: string;
  nationality?: string;
  hometown?: string;
  permanentAddress?: string;
  idIssueDate?: string;
  expiry?: string;
}

export function baselineRead(text: string): BaselineFields {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: BaselineFields = {};
  const id = text.match(/\b\d{12}\b/);
  if (id) out.personalId = id[0];
  const dates = [...text.matchAll(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g)].map((m) => m[0]);
  const after = (pattern: RegExp) => {
    const i = lines.findIndex((l) => pattern.test(fold(l).toLowerCase()));
    return i >= 0 ? lines[i + 1] : undefined;
  };
  const nameLine = after(/ho va ten|given name/);
  if (nameLine) out.fullName = nameLine;
  const birth =
    lines.find((l) => /sinh|birth/i.test(fold(l)))?.match(/\d{2}\/\d{2}\/\d{4}/)?.[0] ??
    after(/nam sinh|date of birth/)?.match(/\d{2}\/\d{2}\/\d{4}/)?.[0];
  if (birth) out.birthDate = birth;
  const sex = text.match(/Sex:\s*(Nam|Nữ)/);
  if (sex) out.sex = sex[1];
  if (/Việt Nam/.test(text)) out.nationality = 'Việt Nam';
  const hometown = after(/que quan|place of origin/);
  if (hometown) out.hometown = hometown;
  const residence = after(/thuong tru|noi cu tru|place of residence/);
  if (residence) out.permanentAddress = residence;
  const issue =
    lines.find((l) => /cap|issue|month, year/i.test(fold(l)))?.match(/\d{2}\/\d{2}\/\d{4}/)?.[0] ??
    after(/nam cap|date of issue/)?.match(/\d{2}\/\d{2}\/\d{4}/)?.[0];
  if (issue) out.idIssueDate = issue;
  if (!out.birthDate && dates[0]) out.birthDate = dates[0];
  return out;
}
