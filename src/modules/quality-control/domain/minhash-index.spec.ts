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
    const { bands, rows, minSharedBands } = DEFAULT_MINHASH_OPTIONS;
    expect(lshCandidateProbability(0.4, bands, rows, minSharedBands)).toBeGreaterThan(0.98);
    expect(lshCandidateProbability(0.5, bands, rows, minSharedBands)).toBeGreaterThan(0.999);
  });

  it('at least m shared bands: the binomial tail, which is the classic curve at m = 1', () => {
    // 96 × 3, m = 2 at s = 0.4: p = 0.064; 1 − 0.936^96 − 96 · 0.064 · 0.936^95.
    expect(lshCandidateProbability(0.4, 96, 3, 2)).toBeCloseTo(1 - Math.pow(0.936, 96) - 96 * 0.064 * Math.pow(0.936, 95), 9);
    expect(lshCandidateProbability(0.3, 32, 4, 1)).toBeCloseTo(0.229145, 6);
    expect(lshCandidateProbability(0, 96, 3, 2)).toBe(0);
    expect(lshCandidateProbability(1, 96, 3, 2)).toBe(1);
    expect(lshCandidateProbability(0.2, 96, 3, 2)).toBeLessThan(lshCandidateProbability(0.2, 64, 3) / 2);
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
  const hashesOf = (text: string) => hashGrams(shinglesOf(text));

  it('is deterministic: the same seed gives the same signature, another seed another', () => {
    const text = hashesOf('Kemasan kopi bubuk dengan zipper, agar tetap segar!');
    expect(new MinHashIndex().signatureOf(text)).toEqual(new MinHashIndex().signatureOf(text));
    expect(new MinHashIndex({ seed: 7 }).signatureOf(text)).not.toEqual(new MinHashIndex().signatureOf(text));
    expect(new MinHashIndex().signatureOf(text)).toHaveLength(DEFAULT_MINHASH_OPTIONS.bands * DEFAULT_MINHASH_OPTIONS.rows);
  });

  it('signs a union with the least of its parts in every slot, as a MinHash must, from one gram to thousands', () => {
    // Sketching stops once every slot is filled; a stop in the wrong place (or a value that depends on
    // anything but the gram and the round) would break this for some slot.
    const random = mulberry32(77);
    const index = new MinHashIndex();
    const randomSet = (size: number) => Uint32Array.from(new Set(Array.from({ length: size }, () => Math.floor(random() * 2 ** 32)))).sort();
    for (const [sizeA, sizeB] of [[1, 1], [1, 3], [2, 40], [30, 220], [220, 220], [3000, 5]]) {
      const a = randomSet(sizeA!);
      const b = randomSet(sizeB!);
      const union = Uint32Array.from(new Set([...a, ...b])).sort();
      const [sa, sb, su] = [index.signatureOf(a)!, index.signatureOf(b)!, index.signatureOf(union)!];
      expect(Array.from(su)).toEqual(Array.from(sa, (value, slot) => Math.min(value, sb[slot]!)));
    }
  });

  it('estimates Jaccard: the share of equal signature slots is close to J', () => {
    const index = new MinHashIndex({ bands: 256, rows: 2 });
    const a = shinglesOf('Kemasan kopi bubuk dengan zipper, agar tetap segar! Dijual lewat WhatsApp dan Instagram setiap minggu.');
    const b = shinglesOf('kemasan kopi bubuk pakai zipper supaya tetap segar, dijual lewat WhatsApp dan TikTok setiap hari');
    const sa = index.signatureOf(hashGrams(a))!;
    const sb = index.signatureOf(hashGrams(b))!;
    const equal = sa.filter((v, i) => v === sb[i]).length / sa.length;
    expect(Math.abs(equal - jaccard(a, b))).toBeLessThan(0.08);
  });

  it('finds an identical text, and forgets a removed or re-added idea', () => {
    const index = new MinHashIndex();
    index.add('a', hashesOf('keripik singkong pedas manis dijual di bazar kampus'));
    index.add('b', hashesOf('batik tulis motif mega mendung untuk seragam kantor'));
    expect(index.candidates(hashesOf('Keripik singkong pedas manis, dijual di bazar kampus!'))).toEqual(['a']);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.candidates(hashesOf('keripik singkong pedas manis dijual di bazar kampus'))).toEqual([]);
    index.add('b', hashesOf('keripik singkong pedas manis dijual di bazar kampus'));
    expect(index.candidates(hashesOf('keripik singkong pedas manis dijual di bazar kampus'))).toEqual(['b']);
    expect(index.candidates(hashesOf('batik tulis motif mega mendung untuk seragam kantor'))).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('after removals and re-additions reusing their places, proposes exactly the ideas that share enough bands', () => {
    const options = { bands: 16, rows: 2, minSharedBands: 2, seed: 11 };
    const index = new MinHashIndex(options);
    const texts = syntheticCampaign(300, 77);
    const live = new Map<string, Uint32Array>();
    texts.forEach((text, i) => {
      index.add(`idea-${i}`, hashesOf(text));
      live.set(`idea-${i}`, hashesOf(text));
    });
    for (let i = 0; i < 300; i += 3) {
      index.remove(`idea-${i}`);
      live.delete(`idea-${i}`);
    }
    for (let i = 0; i < 60; i++) {
      const text = texts[(i * 7 + 1) % texts.length]!;
      index.add(`again-${i}`, hashesOf(text));
      live.set(`again-${i}`, hashesOf(text));
    }
    index.add('idea-1', hashesOf(texts[2]!));
    live.set('idea-1', hashesOf(texts[2]!));
    const sharesBands = (a: Uint32Array, b: Uint32Array) =>
      Array.from({ length: options.bands }, (_, band) => band * options.rows).filter((start) => a[start] === b[start] && a[start + 1] === b[start + 1]).length >=
      options.minSharedBands;
    expect(index.size).toBe(live.size);
    for (const probeText of texts.slice(0, 40)) {
      const probe = index.signatureOf(hashesOf(probeText))!;
      const expected = [...live].filter(([, set]) => sharesBands(probe, index.signatureOf(set)!)).map(([id]) => id).sort();
      expect([...index.candidates(hashesOf(probeText))].sort()).toEqual(expected);
    }
  });

  it('looks past a reserved slot until it is claimed, and frees it on release', () => {
    const index = new MinHashIndex();
    const text = hashesOf('keripik singkong pedas manis dijual di bazar kampus');
    index.add('a', text);
    const slot = index.reserve(text);
    expect(index.candidateSlots(text).sort()).toEqual([index.slotFor('a'), slot].sort());
    expect(index.candidates(text)).toEqual(['a']);
    expect(index.size).toBe(1);
    expect(() => index.claim(slot, 'a')).toThrow();
    index.claim(slot, 'b');
    expect(() => index.claim(slot, 'c')).toThrow();
    expect(index.candidates(text).sort()).toEqual(['a', 'b']);
    expect(index.remove('b')).toBe(true);
    const again = index.reserve(text);
    index.release(again);
    expect(index.candidateSlots(text)).toEqual([index.slotFor('a')]);
    expect(index.has('b')).toBe(false);
  });

  it('signs a gram set it signed lately from memory, with the same signature as afresh', () => {
    const index = new MinHashIndex();
    const text = 'keripik singkong pedas manis dijual di bazar kampus';
    index.candidates(hashesOf(text));
    for (let i = 0; i < 10; i++) index.candidates(hashesOf(`usulan lain nomor ${i}`));
    expect(index.signatureOf(Uint32Array.from(hashesOf(text)))).toEqual(new MinHashIndex().signatureOf(hashesOf(text)));
    expect(index.signatureOf(hashesOf(`${text} lagi`))).toEqual(new MinHashIndex().signatureOf(hashesOf(`${text} lagi`)));
  });

  it('keeps an empty text without matching it to anything', () => {
    const index = new MinHashIndex();
    index.add('empty', new Uint32Array(0));
    index.add('other-empty', hashGrams([]));
    expect(index.has('empty')).toBe(true);
    expect(index.candidates(new Uint32Array(0))).toEqual([]);
    expect(index.remove('empty')).toBe(true);
  });

  it.each([
    [0, 3],
    [4, 0],
    [2.5, 2],
  ])('refuses %p bands × %p rows', (bands, rows) => {
    expect(() => new MinHashIndex({ bands, rows })).toThrow(RangeError);
  });

  it.each([0, 1.5, 5])('refuses %p shared bands of 4', (minSharedBands) => {
    expect(() => new MinHashIndex({ bands: 4, rows: 2, minSharedBands })).toThrow(RangeError);
  });

  describe('on a synthetic campaign of 10,000 ideas', () => {
    const texts = syntheticCampaign(10_000, 20240617);
    const gramSets = texts.map((text) => shinglesOf(text));
    const hashedSets = gramSets.map((set) => hashGrams(set));
    const index = new MinHashIndex();
    hashedSets.forEach((hashes, i) => index.add(`idea-${i}`, hashes));
    const random = mulberry32(42);
    const probes = Array.from({ length: 40 }, () => shinglesOf(reworded(random, pick(random, texts), 1 + Math.floor(random() * 8))));

    it('proposes every idea with exact 5-gram Jaccard ≥ 0.5 to a probe (recall)', () => {
      let relevant = 0;
      let inSimilarBand = 0;
      for (const probe of probes) {
        const proposed = new Set(index.candidates(hashGrams(probe)));
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
      const proposedPerProbe = probes.map((probe) => index.candidates(hashGrams(probe)).length);
      const mean = proposedPerProbe.reduce((sum, n) => sum + n, 0) / probes.length;
      // The synthetic ideas share sentence frames, so a quarter of unrelated pairs sit at J ≈ 0.1–0.2.
      expect(mean).toBeLessThan(texts.length / 10);
      expect(Math.max(...proposedPerProbe)).toBeLessThan(texts.length / 5);
    });

    it('through the query table, keeps exactly the candidates whose hashed similarity reaches the floor, and drops most', () => {
      const hashed = hashedSets;
      let keptInAll = 0;
      let proposed = 0;
      for (const probe of probes) {
        const query = new HashedJaccardQuery(hashGrams(probe));
        const candidates = index.candidates(hashGrams(probe));
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
      const probe = shinglesOf(reworded(mulberry32(5), texts[17]!, 3));
      const exact = jaccard(probe, gramSets[17]!);
      expect(Math.abs(index.estimate(hashGrams(probe), hashedSets[17]!)! - exact)).toBeLessThan(0.12);
      expect(index.estimate(hashGrams(probe), new Uint32Array(0))).toBeNull();
    });

    it('estimates without bias and no wider than the binomial spread of independent hashes', () => {
      const random = mulberry32(9);
      const errors: number[] = [];
      let expectedVariance = 0;
      for (let i = 0; i < 400; i++) {
        const at = Math.floor(random() * texts.length);
        const probe = shinglesOf(reworded(random, texts[at]!, 1 + Math.floor(random() * 14)));
        const exact = jaccard(probe, gramSets[at]!);
        errors.push(index.estimate(hashGrams(probe), hashedSets[at]!)! - exact);
        expectedVariance += (exact * (1 - exact)) / index.hashCount;
      }
      const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
      const meanSquare = errors.reduce((sum, e) => sum + e * e, 0) / errors.length;
      expect(Math.abs(mean)).toBeLessThan(0.01);
      // Slots that agreed together (one gram winning many of them) would widen the spread beyond the binomial one.
      expect(meanSquare).toBeLessThan(1.5 * (expectedVariance / errors.length));
    });

    it('returns each candidate once, and only indexed ids', () => {
      for (const probe of probes) {
        const proposed = index.candidates(hashGrams(probe));
        expect(new Set(proposed).size).toBe(proposed.length);
        expect(proposed.filter((id) => !index.has(id))).toEqual([]);
      }
    });
  });
});
