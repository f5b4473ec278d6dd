import { buildEvaluationReport } from './evaluation-report';
import { ALGORITHMS_COHORT_INPUT } from './evaluation-report.fixture';
import type { EvaluationInput } from './evaluation-report.types';
import { renderEvaluationHtml } from './evaluation-html';

const HOSTILE = '<script>alert("x")</script>';

const HOSTILE_INPUT: EvaluationInput = {
  ...ALGORITHMS_COHORT_INPUT,
  topics: [{ key: 'pembukuan', title: `Pembukuan ${HOSTILE}` }],
  surveys: (ALGORITHMS_COHORT_INPUT.surveys ?? []).map((survey) => ({
    ...survey,
    items: survey.items.map((item) => ({ ...item, prompt: `${item.prompt ?? ''} <img src=x onerror=alert(1)>` })),
    responses: survey.responses.map((response) => ({
      ...response,
      answers: response.answers.map((answer) => (answer.itemKey === 'saran' && answer.value !== null ? { ...answer, value: `"Mahal" & ${HOSTILE}` } : answer)),
    })),
  })),
  feedbackIdeas: [{ id: 'i1', title: `Kelas <b>malam</b>` }],
};

describe('renderEvaluationHtml', () => {
  const report = buildEvaluationReport(ALGORITHMS_COHORT_INPUT);
  const indonesian = renderEvaluationHtml(report, { cohortName: 'Angkatan 2 — Kec. Ciawi', programTitle: 'Pelatihan UMKM Naik Kelas' });
  const english = renderEvaluationHtml(report, {
    locale: 'en',
    cohortName: 'Cohort 2',
    programTitle: 'UMKM training',
    labels: { pembukuan: 'Bookkeeping' },
  });

  it('is a complete, self-contained document in Indonesian by default', () => {
    expect(indonesian.startsWith('<!doctype html><html lang="id">')).toBe(true);
    expect(indonesian).toContain('<meta charset="utf-8">');
    expect(indonesian).toContain('name="viewport"');
    expect(indonesian).toContain('@media print{@page{size:A4');
    expect(indonesian).not.toMatch(/<script|<link|src="http|href="http|url\(/);
    expect(indonesian.endsWith('</html>')).toBe(true);
  });

  it('draws the topic, gain and KPI charts as inline SVG', () => {
    const titles = [...indonesian.matchAll(/<svg [^>]*aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(titles).toEqual([
      'Rata-rata nilai per topik, pra-tes dan pasca-tes',
      'Sebaran kenaikan nilai per peserta',
      'Rata-rata indikator usaha, awal dan tindak lanjut',
    ]);
  });

  it('formats numbers with Indonesian decimal commas', () => {
    expect(indonesian).toContain('50,0% → 62,7%');
    expect(indonesian).toContain('⟨g⟩ = 0,25 (rendah)');
    expect(indonesian).toContain('t(9) = 4,74, p = 0,001');
    expect(indonesian).toContain('W⁺ = 53, p = 0,008');
    expect(indonesian).toContain('Cronbach α): 0,93');
    expect(indonesian).toContain('+22,4%');
  });

  it('writes the actions as plain sentences, highest priority first', () => {
    expect(indonesian).toContain('<ol><li>Pembukuan tidak meningkat cukup (⟨g⟩ 0,25): ulangi materi ini.</li>');
    expect(english).toContain('<ol><li>Bookkeeping did not improve enough (⟨g⟩ 0.25): re-teach this topic.</li>');
    const actions = indonesian.slice(indonesian.indexOf('<ol>'), indonesian.indexOf('</ol>'));
    expect(actions.match(/<blockquote>“Materi terlalu cepat”<\/blockquote>/g)).toHaveLength(1);
  });

  it('switches language and number format for English', () => {
    expect(english.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(english).toContain('50.0% → 62.7%');
    expect(english).toContain('What to do next');
    expect(english).not.toContain('Yang perlu dilakukan');
  });

  it('prints KPI means in thousands without decimals', () => {
    expect(indonesian).toContain('>5.000</text>');
  });

  it('never repeats an attribute inside an SVG element', () => {
    for (const element of indonesian.match(/<(?:rect|text|line|svg)\b[^>]*>/g) ?? []) {
      const names = [...element.matchAll(/ ([a-z-]+)=/g)].map((match) => match[1]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('never prints NaN, undefined, Infinity or [object Object]', () => {
    for (const html of [indonesian, english]) expect(html).not.toMatch(/NaN|undefined|Infinity|\[object/);
  });

  it('escapes every user string', () => {
    const html = renderEvaluationHtml(buildEvaluationReport(HOSTILE_INPUT), { cohortName: HOSTILE, programTitle: `Kopi & ${HOSTILE}` });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>malam');
    expect(html).toContain('Kopi &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;Mahal&quot; &amp; &lt;script&gt;');
    expect(html).toContain('Usulan peserta: Kelas &lt;b&gt;malam&lt;/b&gt;.');
  });

  it('renders an empty cohort with dashes instead of missing numbers', () => {
    const empty = buildEvaluationReport({ cohortId: 'c', participantIds: [], topics: [], pretest: null, posttest: null });
    const html = renderEvaluationHtml(empty, { cohortName: 'Kosong', programTitle: 'Program' });
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html).toContain('Tidak ada tindakan yang disarankan.');
    expect(html).toContain('–');
  });
});
