import { renderEvaluationCsv, toCsvField } from './evaluation-csv';
import { buildEvaluationReport, buildParticipantRows } from './evaluation-report';
import type { EvaluationInput, TestItemDefinition } from './evaluation-report.types';

const ITEMS: TestItemDefinition[] = [
  { key: 'q1', topic: 'harga', choices: ['a', 'b'], correct: 'a', points: 1 },
  { key: 'q2', topic: 'rumus', choices: ['a', 'b'], correct: 'a', points: 2 },
];

const answers = (q1: string, q2: string) => [
  { itemKey: 'q1', value: q1 },
  { itemKey: 'q2', value: q2 },
];

const INPUT: EvaluationInput = {
  cohortId: 'c1',
  participantIds: ['ani', '=cmd|calc', 'budi'],
  topics: [
    { key: 'harga', title: 'Harga, "pokok" & margin' },
    { key: 'rumus', title: '=HYPERLINK("http://x")' },
  ],
  pretest: { items: ITEMS, responses: [{ participantId: 'ani', answers: answers('a', 'a') }, { participantId: '=cmd|calc', answers: answers('b', 'a') }] },
  posttest: { items: ITEMS, responses: [{ participantId: 'ani', answers: answers('b', 'a') }, { participantId: '=cmd|calc', answers: answers('a', 'a') }] },
};

describe('renderEvaluationCsv', () => {
  const csv = renderEvaluationCsv(buildEvaluationReport(INPUT), buildParticipantRows(INPUT));
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 byte-order mark and ends records with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes titles with commas and quotes and neutralises formulas in the header', () => {
    expect(lines[0]).toBe(
      'participant_id,pre,post,gain,"Harga, ""pokok"" & margin (pre)","Harga, ""pokok"" & margin (post)","\'=HYPERLINK(""http://x"") (pre)","\'=HYPERLINK(""http://x"") (post)"',
    );
  });

  it('writes one row per participant, with negative gains as plain numbers and blanks for missing tests', () => {
    expect(lines.slice(1, 4)).toEqual(['ani,100,66.67,-33.33,100,0,100,100', "'=cmd|calc,66.67,100,33.33,0,100,100,100", 'budi,,,,,,,']);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('never prints NaN or undefined', () => {
    expect(csv).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('toCsvField', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+62 812', "'+62 812"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['line\nbreak', '"line\nbreak"'],
    ['Bu "Sri"', '"Bu ""Sri"""'],
    ['=A1,B1', '"\'=A1,B1"'],
    ['biasa', 'biasa'],
  ])('writes the text %j as %j', (text, field) => {
    expect(toCsvField(text)).toBe(field);
  });

  it.each([
    [-5, '-5'],
    [12.7, '12.7'],
    [100 / 3, '33.33'],
    [null, ''],
    [Number.NaN, ''],
  ])('writes the number %s as %j', (value, field) => {
    expect(toCsvField(value)).toBe(field);
  });
});
