import { DEFAULT_MINHASH_OPTIONS, fnv1a32, lshCandidateProbability, lshThreshold, MinHashIndex } from './minhash-index';
import { HashedJaccardQuery, hashedJaccardAtLeast, hashGrams } from './gram-hashes';
import { jaccard, shinglesOf } from './text-normalization';

/** mulberry32: the spec's own seeded PRNG, so the synthetic campaign is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  'kopi bubuk', 'keripik singkong', 'sambal bawang', 'kue kering', 'batik tulis', 'tempe goreng', 'madu hutan', 'teh melati',
  'roti tawar', 'abon sapi', 'rendang kemasan', 'jamu kunyit', 'tas anyaman', 'sabun herbal', 'dodol durian', 'kerupuk udang',
  'gula aren', 'bakso beku', 'nasi kotak', 'kain tenun', 'bolu pandan', 'emping melinjo', 'sirup markisa', 'kecap manis',
  'bawang goreng', 'peyek kacang', 'lilin aromaterapi', 'sandal jepit', 'pupuk kompos', 'bibit cabai', 'es kopi susu',
  'pisang sale', 'kopi luwak', 'susu kedelai', 'minyak kelapa', 'kopiah rajut', 'sarung tenun', 'gantungan kunci', 'pempek ikan',
  'serundeng kelapa',
];
const OPENINGS = ['', '', 'usul saya', 'bagaimana kalau kita', 'coba', 'sebaiknya', 'menurut saya lebih baik', 'ide sederhana', 'mulai bulan depan'];
const ACTIONS = [
  'jual', 'tawarkan', 'kemas ulang', 'promosikan', 'antar', 'bundel', 'pasarkan', 'sediakan', 'pamerkan', 'titipkan',
  'buatkan varian', 'beri sampel gratis', 'foto ulang', 'labeli', 'langganankan',
];
const CHANNELS = [
  'lewat WhatsApp', 'di Instagram', 'di marketplace', 'di pasar pagi', 'lewat reseller', 'di warung sekitar', 'lewat TikTok',
  'di bazar kampus', 'lewat ojek daring', 'di kantor desa', 'ke sekolah terdekat', 'di acara arisan', 'ke kafe mitra',
  'lewat grup Facebook', 'di stasiun kereta',
];
const EXTRAS = [
  'dengan zipper agar tetap segar', 'pakai label halal yang jelas', 'dalam ukuran sachet hemat', 'dengan harga grosir',
  'plus bonus stiker lucu', 'dengan resep keluarga', 'tanpa pengawet', 'dengan pilihan level pedas', 'untuk oleh-oleh wisatawan',
  'dengan kemasan ramah lingkungan', 'sambil memberi diskon pelanggan setia', 'dan ceritakan asal bahan bakunya',
  'supaya pembeli mudah memesan ulang', 'lengkap dengan kartu ucapan', 'bersama petani lokal', 'dengan sistem pre-order',
  'memakai botol kaca bekas', 'dengan cap nama pembeli', 'pada jam makan siang', 'khusus bulan Ramadan', 'dengan QRIS',
  'dengan video cara pakai', 'berbahan organik', 'dengan garansi uang kembali', 'untuk hampers kantor',
];
const FILLERS = ['yang', 'untuk', 'agar', 'supaya', 'juga', 'setiap', 'minggu', 'pagi', 'pembeli', 'baru', 'ibu', 'rumah', 'tangga', 'anak', 'muda', 'kantor', 'desa', 'kota', 'murah', 'enak', 'unik', 'awet'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function freshIdea(random: Random): string {
  const sentence = () => `${pick(random, OPENINGS)} ${pick(random, ACTIONS)} ${pick(random, PRODUCTS)} ${pick(random, CHANNELS)} ${pick(random, EXTRAS)}`.trim();
  const count = 2 + Math.floor(random() * 3);
  return Array.from({ length: count }, sentence).join('. ') + '.';
}

/** Replaces, drops or inserts a few words: a contributor rewording someone else's idea. */
function reworded(random: Random, text: string, edits: number): string {
  const words = text.split(' ');
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * words.length);
    const roll = random();
    if (roll < 0.4) words[at] = pick(random, FILLERS);
    else if (roll < 0.7 && words.length > 4) words.splice(at, 1);
    else words.splice(at, 0, pick(random, FILLERS));
  }
  return words.join(' ');
}

/** 10,000 ideas: most fresh, a third rewordings of earlier ones (so similarity spans 0.2–1). */
function syntheticCampaign(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const source = texts.length > 0 && random() < 0.35 ? pick(random, texts) : null;
    texts.push(source === null ? freshIdea(random) : reworded(random, source, 1 + Math.floor(random() * 10)));
  }
  return texts;
}

describe('LSH probabilities (ALGORITHMS.md §1)', () => {
  it.each([
    [32, 4, 0.420448],
    [16, 8, 0.707107],
  ])('%i bands × %i rows → threshold %f', (bands, rows, expected) => {
    expect(lshThreshold(bands, rows)).toBeCloseTo(expected, 6);
  });

  it.each([
    [0.3, 32, 4, 0.229145],
    [0.5, 32, 4, 0.873211],
    [0.7, 16, 8, 0.613268],
    [0.8, 16, 8, 0.947049],
  ])('P(candidate | s = %f) with %i × %i = %f', (s, bands, rows, expected) => {
    expect(lshCandidateProbability(s, bands, rows)).toBeCloseTo(expected, 6);
  });

  it('is 0 at s = 0, 1 at s = 1 and rises with s', () => {
    for (const [bands, rows] of [[32, 4], [16, 8], [64, 3]] as const) {
      expect(lshCandidateProbability(0, bands, rows)).toBe(0);
      expect(lshCandidateProbability(1, bands, rows)).toBe(1);
      for (let s = 0; s < 1; s += 0.05) {
        expect(lshCandidateProbability(s + 0.05, bands, rows)).toBeGreaterThanOrEqual(lshCandidateProbability(s, bands, rows));
      }
    }
  });

  it('the default catches the similar band: P(0.4) > 0.98 and P(0.5) > 0.999', () => {
    const { bands, rows } = DEFAULT_MINHASH_OPTIONS;
    expect(lshCandidateProbability(0.4, bands, rows)).toBeGreaterThan(0.98);
    expect(lshCandidateProbability(0.5, bands, rows)).toBeGreaterThan(0.999);
  });
});

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %i (the published FNV-1a vectors)', (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });
});

describe('MinHashIndex', () => {
  const grams = (text: string) => shinglesOf(text);

  it('is deterministic: the same seed gives the same signature, another seed another', () => {
    const text = grams('Kemasan kopi bubuk dengan zipper, agar tetap segar!');
    expect(new MinHashIndex().signatureOf(text)).toEqual(new MinHashIndex().signatureOf(text));
    expect(new MinHashIndex({ seed: 7 }).signatureOf(text)).not.toEqual(new MinHashIndex().signatureOf(text));
    expect(new MinHashIndex().signatureOf(text)).toHaveLength(DEFAULT_MINHASH_OPTIONS.bands * DEFAULT_MINHASH_OPTIONS.rows);
  });

  it('estimates Jaccard: the share of equal signature slots is close to J', () => {
    const index = new MinHashIndex({ bands: 256, rows: 2 });
    const a = grams('Kemasan kopi bubuk dengan zipper, agar tetap segar! Dijual lewat WhatsApp dan Instagram setiap minggu.');
    const b = grams('kemasan kopi bubuk pakai zipper supaya tetap segar, dijual lewat WhatsApp dan TikTok setiap hari');
    const sa = index.signatureOf(a)!;
    const sb = index.signatureOf(b)!;
    const equal = sa.filter((v, i) => v === sb[i]).length / sa.length;
    expect(Math.abs(equal - jaccard(a, b))).toBeLessThan(0.08);
  });

  it('finds an identical text, and forgets a removed or re-added idea', () => {
    const index = new MinHashIndex();
    index.add('a', grams('keripik singkong pedas manis dijual di bazar kampus'));
    index.add('b', grams('batik tulis motif mega mendung untuk seragam kantor'));
    expect(index.candidates(grams('Keripik singkong pedas manis, dijual di bazar kampus!'))).toEqual(['a']);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.candidates(grams('keripik singkong pedas manis dijual di bazar kampus'))).toEqual([]);
    index.add('b', grams('keripik singkong pedas manis dijual di bazar kampus'));
    expect(index.candidates(grams('keripik singkong pedas manis dijual di bazar kampus'))).toEqual(['b']);
    expect(index.candidates(grams('batik tulis motif mega mendung untuk seragam kantor'))).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('after removals and re-additions reusing their places, proposes exactly the ideas that share a band', () => {
    const options = { bands: 16, rows: 2, seed: 11 };
    const index = new MinHashIndex(options);
    const texts = syntheticCampaign(300, 77);
    const live = new Map<string, Set<string>>();
    texts.forEach((text, i) => {
      index.add(`idea-${i}`, grams(text));
      live.set(`idea-${i}`, grams(text));
    });
    for (let i = 0; i < 300; i += 3) {
      index.remove(`idea-${i}`);
      live.delete(`idea-${i}`);
    }
    for (let i = 0; i < 60; i++) {
      const text = texts[(i * 7 + 1) % texts.length]!;
      index.add(`again-${i}`, grams(text));
      live.set(`again-${i}`, grams(text));
    }
    index.add('idea-1', grams(texts[2]!));
    live.set('idea-1', grams(texts[2]!));
    const sharesBand = (a: Uint32Array, b: Uint32Array) =>
      Array.from({ length: options.bands }, (_, band) => band * options.rows).some((start) => a[start] === b[start] && a[start + 1] === b[start + 1]);
    expect(index.size).toBe(live.size);
    for (const probeText of texts.slice(0, 40)) {
      const probe = index.signatureOf(grams(probeText))!;
      const expected = [...live].filter(([, set]) => sharesBand(probe, index.signatureOf(set)!)).map(([id]) => id).sort();
      expect([...index.candidates(grams(probeText))].sort()).toEqual(expected);
    }
  });

  it('keeps an empty text without matching it to anything', () => {
    const index = new MinHashIndex();
    index.add('empty', new Set());
    index.add('other-empty', []);
    expect(index.has('empty')).toBe(true);
    expect(index.candidates([])).toEqual([]);
    expect(index.remove('empty')).toBe(true);
  });

  it.each([
    [0, 3],
    [4, 0],
    [2.5, 2],
  ])('refuses %p bands × %p rows', (bands, rows) => {
    expect(() => new MinHashIndex({ bands, rows })).toThrow(RangeError);
  });

  describe('on a synthetic campaign of 10,000 ideas', () => {
    const texts = syntheticCampaign(10_000, 20240617);
    const gramSets = texts.map((text) => grams(text));
    const index = new MinHashIndex();
    gramSets.forEach((set, i) => index.add(`idea-${i}`, set));
    const random = mulberry32(42);
    const probes = Array.from({ length: 40 }, () => grams(reworded(random, pick(random, texts), 1 + Math.floor(random() * 8))));

    it('proposes every idea with exact 5-gram Jaccard ≥ 0.5 to a probe (recall)', () => {
      let relevant = 0;
      let inSimilarBand = 0;
      for (const probe of probes) {
        const proposed = new Set(index.candidates(probe));
        const similarities = gramSets.map((set) => jaccard(probe, set));
        const expected = similarities.flatMap((j, i) => (j >= 0.5 ? [`idea-${i}`] : []));
        relevant += expected.length;
        inSimilarBand += similarities.filter((j) => j >= 0.5 && j < 0.7).length;
        expect(expected.filter((id) => !proposed.has(id))).toEqual([]);
      }
      expect(relevant).toBeGreaterThan(probes.length);
      expect(inSimilarBand).toBeGreaterThan(10);
    });

    it('proposes far fewer ideas than the whole campaign', () => {
      const proposedPerProbe = probes.map((probe) => index.candidates(probe).length);
      const mean = proposedPerProbe.reduce((sum, n) => sum + n, 0) / probes.length;
      // The synthetic ideas share sentence frames, so a quarter of unrelated pairs sit at J ≈ 0.1–0.2.
      expect(mean).toBeLessThan(texts.length / 10);
      expect(Math.max(...proposedPerProbe)).toBeLessThan(texts.length / 5);
    });

    it('through the query table, keeps exactly the candidates whose hashed similarity reaches the floor, and drops most', () => {
      const hashed = gramSets.map((set) => hashGrams(set));
      let keptInAll = 0;
      let proposed = 0;
      for (const probe of probes) {
        const query = new HashedJaccardQuery(hashGrams(probe));
        const candidates = index.candidates(probe);
        const kept = candidates.filter((id) => query.similarityAtLeast(hashed[Number(id.slice(5))]!, 0.36) !== null);
        const expected = candidates.filter((id) => hashedJaccardAtLeast(hashGrams(probe), hashed[Number(id.slice(5))]!, 0.36) !== null);
        expect(kept).toEqual(expected);
        keptInAll += kept.length;
        proposed += candidates.length;
      }
      expect(keptInAll).toBeGreaterThan(0);
      expect(keptInAll).toBeLessThan(proposed / 10);
    });

    it('estimates a similarity from the signatures within a few hundredths of the exact one', () => {
      const id = 'idea-17';
      const probe = grams(reworded(mulberry32(5), texts[17]!, 3));
      const exact = jaccard(probe, gramSets[17]!);
      expect(Math.abs(index.estimate(probe, id)! - exact)).toBeLessThan(0.12);
      expect(index.estimate(probe, 'not-indexed')).toBeNull();
    });

    it('estimates without bias and with the binomial spread of 192 independent hashes', () => {
      const random = mulberry32(9);
      const errors: number[] = [];
      let expectedVariance = 0;
      for (let i = 0; i < 400; i++) {
        const at = Math.floor(random() * texts.length);
        const probe = grams(reworded(random, texts[at]!, 1 + Math.floor(random() * 14)));
        const exact = jaccard(probe, gramSets[at]!);
        errors.push(index.estimate(probe, `idea-${at}`)! - exact);
        expectedVariance += (exact * (1 - exact)) / index.hashCount;
      }
      const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
      const meanSquare = errors.reduce((sum, e) => sum + e * e, 0) / errors.length;
      expect(Math.abs(mean)).toBeLessThan(0.01);
      // Correlated hash functions would widen the spread well beyond the binomial one.
      expect(meanSquare).toBeLessThan(1.5 * (expectedVariance / errors.length));
    });

    it('returns each candidate once, and only indexed ids', () => {
      for (const probe of probes) {
        const proposed = index.candidates(probe);
        expect(new Set(proposed).size).toBe(proposed.length);
        expect(proposed.filter((id) => !index.has(id))).toEqual([]);
      }
    });
  });
});
