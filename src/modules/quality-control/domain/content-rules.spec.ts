import {
  checkBlockedTerms,
  checkContent,
  checkDescriptionLength,
  checkLinkCount,
  checkRestatesProblemStatement,
  checkTitleLength,
  CONTENT_RULES,
  ContentInput,
  countLinks,
  findBlockedTerms,
} from './content-rules';

const good: ContentInput = {
  title: 'Kemasan zipper untuk kopi bubuk',
  description: 'Kopi bubuk dijual dalam kemasan zipper agar tetap segar setelah dibuka, dengan label halal yang jelas.',
  problemStatement: 'Bagaimana cara menjual kopi bubuk kami ke pelanggan kantor di kota?',
};

describe('length rules (code points, ALGORITHMS.md §2 defaults)', () => {
  it.each([
    ['x'.repeat(9), 1],
    ['x'.repeat(10), 0],
    ['x'.repeat(120), 0],
    ['x'.repeat(121), 1],
    ['😀'.repeat(10), 0],
    ['😀'.repeat(121), 1],
    ['   judul   ', 1],
  ])('title %j gives %i violation(s)', (title, count) => {
    expect(checkTitleLength(title)).toHaveLength(count);
  });

  it('counts an emoji as one character, as the database does', () => {
    const title = '☕'.repeat(5) + '😀'.repeat(5);
    expect('😀'.length).toBe(2);
    expect(checkTitleLength(title)).toEqual([]);
  });

  it.each([
    [29, 1],
    [30, 0],
    [4000, 0],
    [4001, 1],
  ])('a description of %i characters gives %i violation(s)', (length, count) => {
    expect(checkDescriptionLength('a'.repeat(length))).toHaveLength(count);
  });

  it('names the field, the range and the length', () => {
    expect(checkTitleLength('pendek')).toEqual([
      { rule: 'title-length', message: 'title must be 10-120 characters, got 6', params: { field: 'title', min: 10, max: 120, length: 6 } },
    ]);
    expect(checkDescriptionLength('singkat', { min: 5, max: 6 })[0]?.params).toEqual({ field: 'description', min: 5, max: 6, length: 7 });
  });
});

describe('countLinks', () => {
  it.each([
    ['tanpa tautan sama sekali', 0],
    ['pesan di https://tokopedia.com/kopi-kita sekarang', 1],
    ['lihat http://contoh.id dan https://contoh.id/a?b=c', 2],
    ['www.kopikita.com', 1],
    ['klik bit.ly/promo-kopi', 1],
    ['WA: wa.me/6281234567890', 1],
    ['s.id/diskon dan toko.co.id', 2],
    ['https://bit.ly/x counts once', 1],
    ['toko kami: kopi-kita.shop/beli', 1],
    ['harga Rp50.000 dll. hubungi no.hp 0812', 0],
    ['kirim ke nama@gmail.com', 0],
    ['a.n. Budi, s.d. Jumat, jl.merdeka no.5', 0],
    ['HTTPS://EXAMPLE.COM', 1],
    ['bit.ly/a bit.ly/a bit.ly/a', 3],
    ['ｂｉｔ．ｌｙ／ｐｒｏｍｏ dan ｗｗｗ．ｋｏｐｉ．ｉｄ', 2],
    ['buka http://localhost:3000/promo', 1],
    ['kopi.Com/beli atau kopi.comel', 1],
  ])('%j has %i link(s)', (text, count) => {
    expect(countLinks(text)).toBe(count);
  });

  it.each([
    [2, 'a https://x.com b https://y.com', 0],
    [2, 'a https://x.com b https://y.com c bit.ly/z', 1],
    [0, 'satu www.kopi.id', 1],
  ])('with at most %i links, %j gives %i violation(s)', (max, text, count) => {
    expect(checkLinkCount(text, max)).toHaveLength(count);
  });
});

describe('blocked terms', () => {
  const terms = ['judi online', 'SLOT', 'pinjol!'];

  it.each([
    ['Promo JUDI-online gacor', ['judi online']],
    ['main slot tiap hari', ['slot']],
    ['Slotnya kosong, judikatif', []],
    ['pinjol cepat cair, juga slot', ['slot', 'pinjol']],
    ['aman', []],
  ])('%j contains %j', (text, found) => {
    expect(findBlockedTerms(text, terms).sort()).toEqual([...found].sort());
  });

  it('ignores a term that normalises to nothing, and reports each term once', () => {
    expect(findBlockedTerms('!!! slot slot', ['!!!', 'slot'])).toEqual(['slot']);
    expect(checkBlockedTerms('slot dan judi online', terms).map((v) => v.params.term)).toEqual(['judi online', 'slot']);
  });
});

describe('checkRestatesProblemStatement', () => {
  const statement = 'Bagaimana cara menjual kopi bubuk kami ke pelanggan kantor di kota?';

  it('rejects a description that repeats the problem statement', () => {
    const violations = checkRestatesProblemStatement('Bagaimana cara menjual kopi bubuk kami ke pelanggan kantor di kota', statement);
    expect(violations).toHaveLength(1);
    expect(violations[0]?.rule).toBe('restates-problem-statement');
    expect(violations[0]?.params.similarity).toBe(1);
  });

  it('accepts a real idea, and anything when the campaign has no statement', () => {
    expect(checkRestatesProblemStatement(good.description, statement)).toEqual([]);
    expect(checkRestatesProblemStatement(statement, undefined)).toEqual([]);
  });

  it('uses J ≥ threshold: the ALGORITHMS.md §1 pair (J = 0.421875) passes at 0.6 and fails at 0.4', () => {
    const a = 'Kemasan kopi bubuk dengan zipper, agar tetap segar!';
    const b = 'kemasan kopi bubuk pakai zipper supaya tetap segar';
    expect(checkRestatesProblemStatement(a, b)).toEqual([]);
    expect(checkRestatesProblemStatement(a, b, 0.4)[0]?.params.similarity).toBeCloseTo(0.421875, 6);
  });
});

describe('checkContent', () => {
  it('accepts a good idea', () => {
    expect(checkContent(good)).toEqual([]);
  });

  it('returns every violation, in rule order', () => {
    const bad: ContentInput = {
      title: 'slot',
      description: 'Bagaimana cara menjual kopi bubuk kami ke pelanggan kantor di kota? bit.ly/a bit.ly/b bit.ly/c slot',
      problemStatement: 'Bagaimana cara menjual kopi bubuk kami ke pelanggan kantor di kota?',
    };
    const rules = checkContent(bad, { blockedTerms: ['slot'], problemStatementThreshold: 0.5 }).map((v) => v.rule);
    expect(rules).toEqual(['title-length', 'too-many-links', 'blocked-term', 'restates-problem-statement']);
  });

  it('takes the limits of a campaign', () => {
    const limits = { titleLength: { min: 1, max: 5 }, descriptionLength: { min: 1, max: 10 }, maxLinks: 0 };
    expect(checkContent({ title: 'kopi', description: 'enak' }, limits)).toEqual([]);
    expect(checkContent({ title: 'kopi', description: 'www.a.com' }, limits).map((v) => v.rule)).toEqual(['too-many-links']);
  });

  it('runs the rules it is given', () => {
    expect(checkContent({ title: 'x', description: 'y' }, {}, [CONTENT_RULES[0]!])).toHaveLength(1);
    expect(checkContent({ title: 'x', description: 'y' }, {}, [])).toEqual([]);
  });

  it('gives every violation a known rule and a non-empty message (invariant)', () => {
    const inputs: ContentInput[] = [good, { title: '', description: '' }, { title: 'a'.repeat(200), description: 'www.a.com '.repeat(500) }];
    for (const input of inputs) {
      for (const v of checkContent(input, { blockedTerms: ['a'] })) {
        expect(['title-length', 'description-length', 'too-many-links', 'blocked-term', 'restates-problem-statement']).toContain(v.rule);
        expect(v.message.length).toBeGreaterThan(0);
      }
    }
  });
});
