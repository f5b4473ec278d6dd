import { renderActionSentence } from './action-sentences';
import { deriveImprovementActions, type ImprovementAction, type ImprovementInput } from './improvement-actions';

const EMPTY: ImprovementInput = { topics: [], items: [], surveyItems: [], behaviourItems: [], attrition: 0, kpis: [], learningGain: 0.5 };

function only(patch: Partial<ImprovementInput>): ImprovementAction {
  const [action] = deriveImprovementActions({ ...EMPTY, ...patch });
  if (action === undefined) throw new Error('expected an action');
  return action;
}

const pembukuan = only({ topics: [{ key: 'pembukuan', title: 'Pembukuan', preMean: 30, postMean: 42, normalizedGain: 12 / 70 }] });

describe('renderActionSentence', () => {
  it('writes the ALGORITHMS.md example in Indonesian by default', () => {
    expect(renderActionSentence(pembukuan)).toBe('Pembukuan tidak meningkat cukup (⟨g⟩ 0,17): ulangi materi ini.');
  });

  it('writes it in English with a translated label', () => {
    expect(renderActionSentence(pembukuan, { locale: 'en', labels: { pembukuan: 'Bookkeeping' } })).toBe(
      'Bookkeeping did not improve enough (⟨g⟩ 0.17): re-teach this topic.',
    );
  });

  it.each([
    ['a low post mean', { topics: [{ key: 't', title: 'Harga', preMean: 20, postMean: 65, normalizedGain: 45 / 80 }] }, 'Harga masih di bawah 70% setelah pelatihan (rata-rata pasca-tes 65%): ulangi materi ini.', 'Harga is still below 70% after training (post-test mean 65%): re-teach this topic.'],
    ['a mastered topic', { topics: [{ key: 't', title: 'Kemasan', preMean: 85, postMean: 97, normalizedGain: 0.8 }] }, 'Kemasan sudah dikuasai sejak awal (pra-tes 85%): persingkat materi ini.', 'Participants already knew Kemasan (pre-test 85%): shorten this topic.'],
    ['a weak item', { items: [{ key: 'q4', difficultyPre: 0.5, discrimination: 0.333333, itemRest: -0.160128 }] }, 'Soal q4 kurang membedakan peserta yang paham dan yang belum (D 0,33; r -0,16): perbaiki soal ini.', 'Item q4 does not separate participants who understand from those who do not (D 0.33; r -0.16): revise it.'],
    ['an easy item', { items: [{ key: 'q1', difficultyPre: 0.95, discrimination: 0.3, itemRest: 0.3 }] }, 'Soal q1 terlalu mudah (dijawab benar oleh 95% peserta sebelum pelatihan): ganti dengan soal yang lebih sulit.', 'Item q1 is too easy (95% correct before training): replace it with a harder one.'],
    ['a low-rated session', { surveyItems: [{ key: 's', label: 'Kecepatan materi', topTwoBox: 40 }] }, 'Hanya 40% peserta menilai “Kecepatan materi” baik (4–5): perbaiki cara penyampaian.', 'Only 40% of participants rated “Kecepatan materi” 4 or 5: fix the delivery.'],
    ['a rarely applied practice', { behaviourItems: [{ key: 'b', label: 'Mencatat kas harian', shareApplying: 30 }] }, 'Hanya 30% peserta menerapkan “Mencatat kas harian”: beri pendampingan lanjutan.', 'Only 30% of participants apply “Mencatat kas harian”: offer follow-up coaching.'],
    ['attrition', { attrition: 0.25 }, '25% peserta pra-tes tidak menyelesaikan pasca-tes: periksa hambatan akses (waktu, sinyal, lokasi).', '25% of pre-test participants did not take the post-test: look into access barriers (time, signal, location).'],
    ['a flat KPI', { kpis: [{ key: 'omzet', label: 'Omzet', medianPctChange: -2.5 }] }, 'Peserta belajar (⟨g⟩ 0,50), tetapi Omzet tidak membaik (median -2,5%): dampingi penerapan di usaha, bukan menambah materi.', 'Participants learned (⟨g⟩ 0.50) but Omzet did not improve (median -2.5%): support applying it in the business rather than adding content.'],
    ['a feedback idea', { feedbackIdeas: [{ id: 'i1', title: 'Kelas malam' }] }, 'Usulan peserta: Kelas malam.', "Participants' proposal: Kelas malam."],
  ])('explains %s in both languages', (_name, patch, indonesian, english) => {
    const action = only(patch);
    expect(renderActionSentence(action, { locale: 'id' })).toBe(indonesian);
    expect(renderActionSentence(action, { locale: 'en' })).toBe(english);
  });

  it('never prints NaN or undefined', () => {
    const broken: ImprovementAction = { kind: 'support-transfer', target: 'k', priority: 0.7, reason: '', label: 'K', values: {} };
    for (const locale of ['id', 'en'] as const) expect(renderActionSentence(broken, { locale })).not.toMatch(/NaN|undefined/);
  });
});
