import { slugifyTopicTitle, topicsFromTitles } from './topic-keys';
import { KEY_PATTERN } from './training.types';

describe('slugifyTopicTitle', () => {
  it.each([
    ['Pembukuan Sederhana!', 'pembukuan-sederhana'],
    ['  Harga pokok produksi (HPP) ', 'harga-pokok-produksi-hpp'],
    ['Café & kopi', 'cafe-kopi'],
    ['123 cara jualan', 'topik-123-cara-jualan'],
    ['🙂', 'topik'],
    ['Strategi pemasaran digital lewat WhatsApp Business dan marketplace', 'strategi-pemasaran-digital-lewat-whatsap'],
  ])('%s → %s', (title, key) => {
    expect(slugifyTopicTitle(title)).toBe(key);
    expect(key).toMatch(KEY_PATTERN);
  });
});

describe('topicsFromTitles', () => {
  it('keeps the order and numbers keys that collide', () => {
    expect(topicsFromTitles(['Pembukuan', 'pembukuan!', 'PEMBUKUAN'])).toEqual([
      { key: 'pembukuan', title: 'Pembukuan' },
      { key: 'pembukuan-2', title: 'pembukuan!' },
      { key: 'pembukuan-3', title: 'PEMBUKUAN' },
    ]);
  });
});
