import { html } from '../../../common/html/html-template';
import type { Locale } from '../../../common/i18n/locale';
import { excerpt, formatDeadline, formatRupiah, TallyView, VoteMode } from './page-format';
import { renderPage } from './page-layout';
import { accountPanel, ideaBadge, tallyLine, voteButtons, whatsAppShare } from './page-parts';
import { WEB_TEXTS } from './web-texts';

export interface PageAddress {
  locale: Locale;
  /** This page's absolute address. */
  url: string;
  /** The service's absolute address. */
  home: string;
}

export interface CampaignSummary {
  id: string;
  title: string;
  problemStatement: string;
  category: string;
  kind: 'product' | 'needs' | 'feedback';
  status: 'draft' | 'open' | 'voting' | 'judging' | 'closed' | 'cancelled';
  voteMode: VoteMode;
  submissionClosesAt: string;
  votingClosesAt: string;
  acceptsIdeas: boolean;
  acceptsVotes: boolean;
  business: { name: string; region: string };
}

export interface RankedIdea {
  id: string;
  title: string;
  /** Who proposed it, by the name they chose to show; null once the account is gone. */
  authorName: string | null;
  rank: number;
  status: string;
  tally: TallyView;
  /** The prize it won in IDR, once the challenge is closed; else null. */
  prize: number | null;
}

export interface CampaignPage extends CampaignSummary {
  prizes: Array<{ rank: number; amount: number }>;
  pointsPerIdea: number;
  ideas: RankedIdea[];
}

/** The page a shared link opens: the challenge, its prizes, the ideas best first with vote buttons, and the idea form while open. */
export function renderCampaignPage(page: CampaignPage, address: PageAddress): string {
  const { locale } = address;
  const texts = WEB_TEXTS[locale];
  const prizes = page.prizes.length
    ? html`<h2>${texts.prizes}</h2><ul>${page.prizes.map((prize) => html`<li>${texts.rank} ${prize.rank}: ${formatRupiah(prize.amount)}</li>`)}</ul>`
    : null;
  const ideas = page.ideas.map(
    (idea) => html`<li data-idea="${idea.id}"><span class="rank">${idea.rank}.</span><a href="/i/${idea.id}">${idea.title}</a>${idea.authorName !== null && html` <span class="muted">${texts.by} ${idea.authorName}</span>`}${ideaBadge(idea.status, texts)}${idea.prize !== null && html` <span class="badge">${formatRupiah(idea.prize)}</span>`}<br>${tallyLine(idea.tally, page.voteMode, locale)}${page.acceptsVotes && voteButtons(page.voteMode, texts)}</li>`,
  );
  const ideaForm =
    page.acceptsIdeas &&
    html`<h2>${texts.submitTitle}</h2>
<form id="submit-idea">
<input name="title" required minlength="10" maxlength="120" placeholder="${texts.fieldTitle}" aria-label="${texts.fieldTitle}">
<textarea name="description" required minlength="30" maxlength="4000" placeholder="${texts.fieldDescription}" aria-label="${texts.fieldDescription}"></textarea>
<button class="primary">${texts.send}</button>
</form>`;
  const interactive = page.acceptsIdeas || page.acceptsVotes;
  const body = html`<p class="meta">${campaignLine(page, locale)}</p>
<h1>${page.title}</h1>
<p class="problem">${page.problemStatement}</p>
<p class="meta">${texts.category}: ${page.category}<br>${deadlineLines(page, locale)}</p>
${whatsAppShare(`${page.title} · ${texts.shareText}`, address.url, texts)}
${prizes}
${page.pointsPerIdea > 0 && html`<p class="muted">${texts.points}: ${page.pointsPerIdea}</p>`}
${interactive && accountPanel(texts)}
<h2>${page.status === 'closed' ? texts.finalRanking : texts.ideas}</h2>
${ideas.length ? html`<ol class="ideas">${ideas}</ol>` : html`<p class="muted">${texts.noIdeas}</p>`}
${ideaForm}`;
  return renderPage({
    locale,
    title: page.title,
    description: excerpt(page.problemStatement, 200),
    url: address.url,
    home: address.home,
    body,
    scriptData: interactive ? { campaignId: page.id, tallyTemplate: texts.tally[page.voteMode] } : undefined,
  });
}

/** "Kedai Sari · Sleman · Menerima ide": who asks, where, and what the challenge takes now. */
export function campaignLine(campaign: CampaignSummary, locale: Locale): string {
  const texts = WEB_TEXTS[locale];
  return [campaign.business.name, campaign.business.region, texts.kind[campaign.kind], texts.status[campaign.status]].filter(Boolean).join(' · ');
}

function deadlineLines(campaign: CampaignSummary, locale: Locale) {
  const texts = WEB_TEXTS[locale];
  const lines = [];
  if (campaign.status === 'draft' || campaign.status === 'open') lines.push(html`${texts.submissionsClose} ${formatDeadline(campaign.submissionClosesAt, locale, texts)}<br>`);
  if (campaign.acceptsVotes) lines.push(html`${texts.votingCloses} ${formatDeadline(campaign.votingClosesAt, locale, texts)}`);
  return lines;
}
