import { REPORT_MESSAGES } from './report-messages';

describe('report messages', () => {
  it('has the same keys in Indonesian and English', () => {
    expect(Object.keys(REPORT_MESSAGES.id).sort()).toEqual(Object.keys(REPORT_MESSAGES.en).sort());
  });

  it('puts every argument into the sentence templates', () => {
    for (const locale of ['id', 'en'] as const) {
      const m = REPORT_MESSAGES[locale];
      expect(m.participationSentence('A1', 'B2', 'C3', 'D4', 'E5')).toMatch(/A1.*B2.*C3.*D4.*E5/);
      expect(m.tTestSentence('T', 'DF', 'P', 'LO', 'HI', 'DZ', 'DAV')).toMatch(/DF.*T.*P.*LO.*HI.*DZ.*DAV/);
      expect(m.gainSentence('G', 'BAND', 'GAVE')).toMatch(/G.*BAND.*GAVE/);
    }
  });

  it('writes Indonesian decimals with commas in the fixed wording', () => {
    expect(REPORT_MESSAGES.id.comparisonIntro('x')).toContain('p < 0,05');
    expect(REPORT_MESSAGES.en.comparisonIntro('x')).toContain('p < 0.05');
  });
});
