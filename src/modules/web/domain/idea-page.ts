import { html } from '../../../common/html/html-template';
import { CampaignSummary, campaignLine, PageAddress } from './campaign-page';
import { excerpt, TallyView } from './page-format';
import { renderPage } from './page-layout';
import { accountPanel, ideaBadge, tallyLine, voteButtons, whatsAppShare } from './page-parts';
import { WEB_TEXTS } from './web-texts';

export interface IdeaPage {
  id: string;
  title: string;
  description: string;
  /** Who proposed it, by the name they chose to show; null once the account is gone. */
  authorName: string | null;
  status: string;
  tally: TallyView;
  /** Whether customers may vote on this idea now: a listed idea in a campaign that takes votes. */
  acceptsVotes: boolean;
  campaign: CampaignSummary;
}

/** One idea, the link a contributor shares on WhatsApp Status to gather support. */
export function renderIdeaPage(page: IdeaPage, address: PageAddress): string {
  const { locale } = address;
  const texts = WEB_TEXTS[locale];
  const { campaign } = page;
  const body = html`<p class="meta"><a href="/c/${campaign.id}">${campaign.title}</a><br>${campaignLine(campaign, locale)}</p>
<h1>${page.title}${ideaBadge(page.status, texts)}</h1>
${page.authorName !== null && html`<p class="meta">${texts.by} ${page.authorName}</p>`}
<p class="description">${page.description}</p>
<div data-idea="${page.id}">${tallyLine(page.tally, campaign.voteMode, locale)}${page.acceptsVotes && voteButtons(campaign.voteMode, texts)}</div>
${whatsAppShare(`${page.title} · ${texts.shareText}`, address.url, texts)}
${page.acceptsVotes && accountPanel(texts)}
<p><a href="/c/${campaign.id}">${texts.backToChallenge}</a></p>`;
  return renderPage({
    locale,
    title: page.title,
    description: excerpt(page.description, 200),
    url: address.url,
    home: address.home,
    body,
    scriptData: page.acceptsVotes ? { campaignId: campaign.id, tallyTemplate: texts.tally[campaign.voteMode] } : undefined,
  });
}
