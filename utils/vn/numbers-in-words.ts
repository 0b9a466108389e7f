const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Reads 0–999 the way official papers write it; `full` forces "không trăm" / "linh" inside a bigger number. */
function readTriple(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digits[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digits[tens]!, 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else if (units === 4 && tens >= 2) words.push('tư');
    else words.push(digits[units]!);
  }
  return words;
}

const scales = ['', 'nghìn', 'triệu', 'tỷ'];

/** 2021 → "hai nghìn không trăm hai mươi mốt"; 15 → "mười lăm"; 105 → "một trăm linh năm". */
export function numberToWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`);
  if (value === 0) return digits[0]!;
  const groups: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  if (groups.length > scales.length) throw new RangeError(`too large: ${value}`);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    words.push(...readTriple(group, words.length > 0));
    if (scales[i]) words.push(scales[i]!);
  }
  return words.join(' ');
}
