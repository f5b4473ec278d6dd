import { Script } from 'node:vm';
import { CampaignPage, renderCampaignPage } from './campaign-page';
import { PAGE_SCRIPT } from './page-assets';
import { renderIdeaPage } from './idea-page';

const address = { locale: 'id' as const, url: 'https://sayembara.example/c/c1', home: 'https://sayembara.example/' };

function campaign(overrides: Partial<CampaignPage> = {}): CampaignPage {
  return {
    id: 'c1',
    title: 'Kemasan baru keripik pisang',
    problemStatement: 'Kemasan kami cepat lembek setelah dibuka.',
    category: 'kemasan',
    kind: 'product',
    status: 'open',
    voteMode: 'updown',
    submissionClosesAt: '2026-03-08T08:00:00.000Z',
    votingClosesAt: '2026-03-15T08:00:00.000Z',
    acceptsIdeas: true,
    acceptsVotes: true,
    business: { name: 'Keripik Bu Sari', region: 'Bantul' },
    prizes: [],
    pointsPerIdea: 10,
    ideas: [
      { id: 'i1', title: 'Zipper bening', authorName: 'Rina <Bantul>', rank: 1, status: 'winner', tally: { up: 5, down: 1, ratings: 0, mean: null, voters: 6 }, prize: null },
      { id: 'i2', title: 'Kertas cokelat', authorName: null, rank: 2, status: 'published', tally: { up: 1, down: 0, ratings: 0, mean: null, voters: 1 }, prize: null },
    ],
    ...overrides,
  };
}

describe('renderCampaignPage', () => {
  it('lists the ideas in rank order with the buttons of the vote mode and the winner marked', () => {
    const page = renderCampaignPage(campaign(), address);
    expect(page.indexOf('data-idea="i1"')).toBeLessThan(page.indexOf('data-idea="i2"'));
    expect(page).toContain('5 dukungan · 1 tidak setuju');
    expect(page).toContain('data-vote="-1"');
    expect(page).toContain('<span class="badge">Pemenang</span>');
    expect(page).toContain('Poin untuk setiap ide yang tampil: 10');
  });

  it('names each idea’s author by the name they chose, escaped, and nothing for an account that is gone', () => {
    const page = renderCampaignPage(campaign(), address);
    expect(page).toContain('<a href="/i/i1">Zipper bening</a> <span class="muted">oleh Rina &lt;Bantul&gt;</span>');
    expect(page).toContain('<a href="/i/i2">Kertas cokelat</a><br>');
    expect(renderCampaignPage(campaign(), { ...address, locale: 'en' })).toContain('<span class="muted">by Rina &lt;Bantul&gt;</span>');
  });

  it('shows a closed challenge’s final ranking with the prize each idea won', () => {
    const ideas = campaign().ideas.map((idea, i) => ({ ...idea, prize: i === 0 ? 1500000 : null }));
    const page = renderCampaignPage(campaign({ status: 'closed', acceptsIdeas: false, acceptsVotes: false, ideas }), address);
    expect(page).toContain('<h2>Peringkat akhir (suara pelanggan dan nilai juri)</h2>');
    expect(page).toContain('<span class="badge">Pemenang</span> <span class="badge">Rp 1.500.000</span>');
    expect(page.match(/Rp 1\.500\.000/g)).toHaveLength(1);
  });

  it('invites the first idea when there is none', () => {
    expect(renderCampaignPage(campaign({ ideas: [] }), address)).toContain('Belum ada ide. Jadilah yang pertama!');
  });

  it('carries no form, button, sign-in or script once nothing can be done on it', () => {
    const page = renderCampaignPage(campaign({ status: 'closed', acceptsIdeas: false, acceptsVotes: false }), address);
    expect(page).toContain('Selesai');
    expect(page).not.toMatch(/<form|data-vote=|<script|Ide diterima sampai|Pemungutan suara sampai/);
  });

  it('renders an idea page that links back to its challenge', () => {
    const page = renderIdeaPage(
      { id: 'i1', title: 'Zipper bening', description: 'Baris satu\nbaris dua', authorName: 'Rina', status: 'published', tally: { up: 2, down: 0, ratings: 0, mean: null, voters: 2 }, acceptsVotes: true, campaign: campaign() },
      { ...address, url: 'https://sayembara.example/i/i1' },
    );
    expect(page).toContain('<p class="description">Baris satu\nbaris dua</p>');
    expect(page).toContain('href="/c/c1"');
    expect(page).toContain('2 dukungan · 0 tidak setuju');
    expect(page).toContain('<p class="meta">oleh Rina</p>');
  });
});

describe('the page script', () => {
  it('is valid JavaScript', () => {
    expect(() => new Script(PAGE_SCRIPT)).not.toThrow();
  });
});
