import type { HakeClass } from './paired-analysis';
import type { ReportLocale } from './number-format';

/**
 * Fixed wording of the HTML report. Values passed in are already formatted for the locale and
 * escaped by the caller; these strings hold no user text themselves.
 */
export interface ReportMessages {
  documentTitle: string;
  summary: string;
  participantsPaired: string;
  meanScore: string;
  classGain: string;
  pValue: string;
  nextSteps: string;
  noActions: string;
  comments: string;
  participation: string;
  participationSentence: (enrolled: string, nPre: string, nPost: string, nPaired: string, attrition: string) => string;
  learning: string;
  meansSentence: (pre: string, post: string, gain: string, median: string) => string;
  gainSentence: (g: string, band: string, gAve: string) => string;
  tTestSentence: (t: string, df: string, p: string, low: string, high: string, dz: string, dav: string) => string;
  wilcoxonSentence: (method: string, wPlus: string, p: string) => string;
  reliabilitySentence: (kr20: string) => string;
  hakeBands: Record<HakeClass, string>;
  wilcoxonMethods: { exact: string; normal: string };
  topicChartTitle: string;
  gainChartTitle: string;
  gainAxis: string;
  preTest: string;
  postTest: string;
  topic: string;
  normalizedGainShort: string;
  reaction: string;
  alphaSentence: (alpha: string) => string;
  item: string;
  median: string;
  mean: string;
  topTwoBox: string;
  behaviour: string;
  shareApplying: string;
  results: string;
  kpiChartTitle: string;
  baseline: string;
  followup: string;
  medianChange: string;
  improved: string;
  aggregateChange: string;
  aggregateNote: string;
  zeroBaselineNote: (count: string) => string;
  comparison: string;
  comparisonIntro: (previous: string) => string;
  gainDelta: string;
  hedgesG: string;
  real: string;
  yes: string;
  no: string;
  itemAnalysis: string;
  difficultyPre: string;
  difficultyPost: string;
  discrimination: string;
  itemRest: string;
  noData: string;
  methodsNote: string;
}

const ID: ReportMessages = {
  documentTitle: 'Laporan evaluasi pelatihan',
  summary: 'Ringkasan',
  participantsPaired: 'Peserta dengan pra- dan pasca-tes',
  meanScore: 'Rata-rata nilai pra → pasca',
  classGain: 'Gain ternormalisasi kelas ⟨g⟩',
  pValue: 'p (uji t berpasangan)',
  nextSteps: 'Yang perlu dilakukan',
  noActions: 'Tidak ada tindakan yang disarankan.',
  comments: 'Komentar peserta',
  participation: 'Partisipasi',
  participationSentence: (enrolled, nPre, nPost, nPaired, attrition) =>
    `${enrolled} peserta terdaftar; ${nPre} mengikuti pra-tes, ${nPost} mengikuti pasca-tes, dan ${nPaired} mengikuti keduanya. Peserta yang hilang setelah pra-tes: ${attrition}.`,
  learning: 'Pembelajaran (pra-tes dan pasca-tes)',
  meansSentence: (pre, post, gain, median) => `Rata-rata nilai naik dari ${pre} menjadi ${post}: kenaikan ${gain} poin (median ${median} poin).`,
  gainSentence: (g, band, gAve) =>
    `Gain ternormalisasi kelas ⟨g⟩ = ${g} (${band}), dihitung dari rata-rata kelas. Rata-rata gain individu g_ave = ${gAve}, dihitung per peserta lalu dirata-ratakan.`,
  tTestSentence: (t, df, p, low, high, dz, dav) =>
    `Uji t berpasangan: t(${df}) = ${t}, p = ${p}; selang kepercayaan 95% kenaikan: ${low} sampai ${high} poin. Besar efek d_z = ${dz}, d_av = ${dav}.`,
  wilcoxonSentence: (method, wPlus, p) => `Uji peringkat bertanda Wilcoxon (${method}): W⁺ = ${wPlus}, p = ${p}.`,
  reliabilitySentence: (kr20) => `Reliabilitas pasca-tes (KR-20): ${kr20}.`,
  hakeBands: { low: 'rendah', medium: 'sedang', high: 'tinggi' },
  wilcoxonMethods: { exact: 'distribusi eksak', normal: 'pendekatan normal' },
  topicChartTitle: 'Rata-rata nilai per topik, pra-tes dan pasca-tes',
  gainChartTitle: 'Sebaran kenaikan nilai per peserta',
  gainAxis: 'Kenaikan (poin persentase)',
  preTest: 'Pra-tes',
  postTest: 'Pasca-tes',
  topic: 'Topik',
  normalizedGainShort: '⟨g⟩',
  reaction: 'Reaksi peserta',
  alphaSentence: (alpha) => `Konsistensi skala (Cronbach α): ${alpha}.`,
  item: 'Butir',
  median: 'Median',
  mean: 'Rata-rata',
  topTwoBox: 'Setuju (4–5)',
  behaviour: 'Penerapan di usaha',
  shareApplying: 'Menerapkan (4–5)',
  results: 'Hasil usaha',
  kpiChartTitle: 'Rata-rata indikator usaha, awal dan tindak lanjut',
  baseline: 'Awal',
  followup: 'Tindak lanjut',
  medianChange: 'Median perubahan',
  improved: 'Membaik',
  aggregateChange: 'Perubahan total',
  aggregateNote: 'Perubahan total (ΣA/ΣB − 1) didominasi usaha besar; median perubahan lebih mewakili usaha pada umumnya.',
  zeroBaselineNote: (count) => `${count} usaha berawal dari nol dan tidak dihitung dalam median.`,
  comparison: 'Dibanding angkatan sebelumnya',
  comparisonIntro: (previous) => `Kenaikan per topik dibanding angkatan ${previous}. Perubahan dianggap nyata bila p < 0,05 dan |g| ≥ 0,3.`,
  gainDelta: 'Selisih kenaikan (poin)',
  hedgesG: 'Hedges g',
  real: 'Nyata?',
  yes: 'ya',
  no: 'tidak',
  itemAnalysis: 'Analisis butir soal',
  difficultyPre: 'Benar pra',
  difficultyPost: 'Benar pasca',
  discrimination: 'Daya beda D',
  itemRest: 'r butir–sisa',
  noData: 'Belum ada data.',
  methodsNote:
    'Nilai dalam persen dari skor maksimum. Statistik berpasangan hanya memakai peserta yang mengikuti pra-tes dan pasca-tes. ⟨g⟩: Hake (1998), rendah < 0,3, sedang 0,3–0,7, tinggi > 0,7.',
};

const EN: ReportMessages = {
  documentTitle: 'Training evaluation report',
  summary: 'Summary',
  participantsPaired: 'Participants with pre- and post-test',
  meanScore: 'Mean score pre → post',
  classGain: 'Class normalised gain ⟨g⟩',
  pValue: 'p (paired t-test)',
  nextSteps: 'What to do next',
  noActions: 'No actions suggested.',
  comments: 'Participant comments',
  participation: 'Participation',
  participationSentence: (enrolled, nPre, nPost, nPaired, attrition) =>
    `${enrolled} participants enrolled; ${nPre} took the pre-test, ${nPost} the post-test and ${nPaired} both. Lost after the pre-test: ${attrition}.`,
  learning: 'Learning (pre-test and post-test)',
  meansSentence: (pre, post, gain, median) => `The mean score rose from ${pre} to ${post}: a gain of ${gain} points (median ${median} points).`,
  gainSentence: (g, band, gAve) =>
    `Class normalised gain ⟨g⟩ = ${g} (${band}), computed from the class means. Average individual gain g_ave = ${gAve}, computed per participant and then averaged.`,
  tTestSentence: (t, df, p, low, high, dz, dav) =>
    `Paired t-test: t(${df}) = ${t}, p = ${p}; 95% confidence interval of the gain: ${low} to ${high} points. Effect size d_z = ${dz}, d_av = ${dav}.`,
  wilcoxonSentence: (method, wPlus, p) => `Wilcoxon signed-rank test (${method}): W⁺ = ${wPlus}, p = ${p}.`,
  reliabilitySentence: (kr20) => `Post-test reliability (KR-20): ${kr20}.`,
  hakeBands: { low: 'low', medium: 'medium', high: 'high' },
  wilcoxonMethods: { exact: 'exact distribution', normal: 'normal approximation' },
  topicChartTitle: 'Mean score per topic, pre-test and post-test',
  gainChartTitle: 'Distribution of individual gains',
  gainAxis: 'Gain (percentage points)',
  preTest: 'Pre-test',
  postTest: 'Post-test',
  topic: 'Topic',
  normalizedGainShort: '⟨g⟩',
  reaction: 'Reaction',
  alphaSentence: (alpha) => `Scale consistency (Cronbach α): ${alpha}.`,
  item: 'Item',
  median: 'Median',
  mean: 'Mean',
  topTwoBox: 'Agree (4–5)',
  behaviour: 'Applying it in the business',
  shareApplying: 'Applying (4–5)',
  results: 'Business results',
  kpiChartTitle: 'Mean business indicators, baseline and follow-up',
  baseline: 'Baseline',
  followup: 'Follow-up',
  medianChange: 'Median change',
  improved: 'Improved',
  aggregateChange: 'Aggregate change',
  aggregateNote: 'The aggregate change (ΣA/ΣB − 1) is dominated by the largest businesses; the median change describes a typical business.',
  zeroBaselineNote: (count) => `${count} businesses started from zero and are left out of the median.`,
  comparison: 'Compared with the previous cohort',
  comparisonIntro: (previous) => `Gain per topic compared with cohort ${previous}. A change counts as real when p < 0.05 and |g| ≥ 0.3.`,
  gainDelta: 'Gain difference (points)',
  hedgesG: 'Hedges g',
  real: 'Real?',
  yes: 'yes',
  no: 'no',
  itemAnalysis: 'Item analysis',
  difficultyPre: 'Correct pre',
  difficultyPost: 'Correct post',
  discrimination: 'Discrimination D',
  itemRest: 'Item–rest r',
  noData: 'No data yet.',
  methodsNote:
    'Scores are percentages of the maximum. Paired statistics use only participants who took both tests. ⟨g⟩: Hake (1998), low < 0.3, medium 0.3–0.7, high > 0.7.',
};

export const REPORT_MESSAGES: Record<ReportLocale, ReportMessages> = { id: ID, en: EN };
