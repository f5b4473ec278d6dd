import type { ImprovementAction } from './improvement-actions';
import { formatDecimal, formatPercent, type ReportLocale } from './number-format';

export interface ActionSentenceOptions {
  locale?: ReportLocale;
  /** Labels by target key in the reader's language (e.g. pembukuan → "Bookkeeping"); default the action's label. */
  labels?: Readonly<Record<string, string>>;
}

interface SentenceParts {
  label: string;
  values: Record<string, number>;
  locale: ReportLocale;
}

const gain = (p: SentenceParts): string => formatDecimal(p.values.normalizedGain, 2, p.locale);
const percent = (p: SentenceParts, key: string): string => formatPercent(p.values[key], 0, p.locale);
const number = (p: SentenceParts, key: string): string => formatDecimal(p.values[key], 2, p.locale);

function reteachSentence(p: SentenceParts): string {
  if (p.values.gainThreshold !== undefined) {
    return p.locale === 'id'
      ? `${p.label} tidak meningkat cukup (⟨g⟩ ${gain(p)}): ulangi materi ini.`
      : `${p.label} did not improve enough (⟨g⟩ ${gain(p)}): re-teach this topic.`;
  }
  return p.locale === 'id'
    ? `${p.label} masih di bawah ${percent(p, 'postMeanThreshold')} setelah pelatihan (rata-rata pasca-tes ${percent(p, 'postMean')}): ulangi materi ini.`
    : `${p.label} is still below ${percent(p, 'postMeanThreshold')} after training (post-test mean ${percent(p, 'postMean')}): re-teach this topic.`;
}

function itemMeasures(p: SentenceParts): string {
  const parts: string[] = [];
  if (p.values.discrimination !== undefined) parts.push(`D ${number(p, 'discrimination')}`);
  if (p.values.itemRest !== undefined) parts.push(`r ${number(p, 'itemRest')}`);
  return parts.join('; ');
}

type SentenceBuilder = (p: SentenceParts) => string;

const SENTENCES: Record<ReportLocale, Record<Exclude<ImprovementAction['kind'], 're-teach-topic'>, SentenceBuilder>> = {
  id: {
    'compress-topic': (p) => `${p.label} sudah dikuasai sejak awal (pra-tes ${percent(p, 'preMean')}): persingkat materi ini.`,
    'revise-item': (p) => `Soal ${p.label} kurang membedakan peserta yang paham dan yang belum (${itemMeasures(p)}): perbaiki soal ini.`,
    'replace-item': (p) => `Soal ${p.label} terlalu mudah (dijawab benar oleh ${formatPercent(100 * (p.values.difficultyPre ?? 0), 0, 'id')} peserta sebelum pelatihan): ganti dengan soal yang lebih sulit.`,
    'fix-delivery': (p) => `Hanya ${percent(p, 'topTwoBox')} peserta menilai “${p.label}” baik (4–5): perbaiki cara penyampaian.`,
    'follow-up-coaching': (p) => `Hanya ${percent(p, 'shareApplying')} peserta menerapkan “${p.label}”: beri pendampingan lanjutan.`,
    'investigate-access': (p) => `${formatPercent(100 * (p.values.attrition ?? 0), 0, 'id')} peserta pra-tes tidak menyelesaikan pasca-tes: periksa hambatan akses (waktu, sinyal, lokasi).`,
    'support-transfer': (p) => `Peserta belajar (⟨g⟩ ${gain(p)}), tetapi ${p.label} tidak membaik (median ${formatPercent(p.values.medianPctChange, 1, 'id')}): dampingi penerapan di usaha, bukan menambah materi.`,
    'feedback-idea': (p) => `Usulan peserta: ${p.label}.`,
  },
  en: {
    'compress-topic': (p) => `Participants already knew ${p.label} (pre-test ${percent(p, 'preMean')}): shorten this topic.`,
    'revise-item': (p) => `Item ${p.label} does not separate participants who understand from those who do not (${itemMeasures(p)}): revise it.`,
    'replace-item': (p) => `Item ${p.label} is too easy (${formatPercent(100 * (p.values.difficultyPre ?? 0), 0, 'en')} correct before training): replace it with a harder one.`,
    'fix-delivery': (p) => `Only ${percent(p, 'topTwoBox')} of participants rated “${p.label}” 4 or 5: fix the delivery.`,
    'follow-up-coaching': (p) => `Only ${percent(p, 'shareApplying')} of participants apply “${p.label}”: offer follow-up coaching.`,
    'investigate-access': (p) => `${formatPercent(100 * (p.values.attrition ?? 0), 0, 'en')} of pre-test participants did not take the post-test: look into access barriers (time, signal, location).`,
    'support-transfer': (p) => `Participants learned (⟨g⟩ ${gain(p)}) but ${p.label} did not improve (median ${formatPercent(p.values.medianPctChange, 1, 'en')}): support applying it in the business rather than adding content.`,
    'feedback-idea': (p) => `Participants' proposal: ${p.label}.`,
  },
};

/** A plain-language sentence for trainers, Indonesian by default. Returns plain text: escape it for HTML. */
export function renderActionSentence(action: ImprovementAction, options: ActionSentenceOptions = {}): string {
  const locale = options.locale ?? 'id';
  const parts: SentenceParts = { label: options.labels?.[action.target] ?? action.label, values: action.values, locale };
  return action.kind === 're-teach-topic' ? reteachSentence(parts) : SENTENCES[locale][action.kind](parts);
}
