/**
 * Whether a word is one Vietnamese syllable as a reader would accept it: an initial consonant, one of the
 * language's rhymes (vần), at most one tone, and a checked rhyme (-c, -ch, -p, -t) only with the sắc or nặng
 * tone. Used to judge a legacy-font decoding: "Diễm", "Hữu", "Quách" pass; "Ỹn", "Quaùch", "Quaựch" do not.
 */

const initials = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
];

/** Every rhyme, toneless, with its vowel shapes (â ă ê ô ơ ư). */
const rhymes = new Set(
  `a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
   e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
   o oc oi om on ong op ot ooc oong oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
   oe oen oeo oet ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u uc ui um un ung up ut ua uân uâng uât uây
   uê uêch uênh uơ uôc uôi uôm uôn uông uôt uy uya uych uyên uyêt uyn uynh uyt uyu
   ư ưc ưi ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêng yêt yêu`.split(/\s+/),
);

const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
const sharpOrHeavy = /[\u0301\u0323]/;
const checked = /(c|ch|p|t)$/;

/** The rhyme after an initial, and the spellings "qu" and "gi" fold into it ("quyết" = qu + uyêt, "giếng" = gi + iêng). */
function rhymeFits(initial: string, rest: string): boolean {
  if (rhymes.has(rest)) return true;
  if (initial === 'qu') return rhymes.has(`u${rest}`);
  if (initial === 'gi') return rhymes.has(`i${rest}`);
  return false;
}

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.normalize('NFC').toLocaleLowerCase('vi').normalize('NFD');
  const toneMarks = decomposed.match(tones) ?? [];
  if (toneMarks.length > 1) return false;
  const bare = decomposed.replace(tones, '').normalize('NFC');
  if (!/^[a-zăâđêôơư]+$/.test(bare) || /[fjwz]/.test(bare)) return false;
  const tone = toneMarks[0];
  const candidates = ['', ...initials].filter((i) => bare.startsWith(i));
  return candidates.some((initial) => {
    const rest = bare.slice(initial.length);
    if (!rest || !rhymeFits(initial, rest)) return false;
    return !checked.test(rest) || (tone !== undefined && sharpOrHeavy.test(tone));
  });
}
