import { html } from '../../../common/html/html-template';
import { CampaignSummary, campaignLine, PageAddress } from './campaign-page';
import { excerpt } from './page-format';
import { renderPage } from './page-layout';
import { WEB_TEXTS } from './web-texts';

/** The public challenges taking ideas or votes, newest first. */
export function renderHomePage(campaigns: CampaignSummary[], address: PageAddress): string {
  const texts = WEB_TEXTS[address.locale];
  const items = campaigns.map(
    (campaign) => html`<li><a href="/c/${campaign.id}"><strong>${campaign.title}</strong></a><br><span class="meta">${campaignLine(campaign, address.locale)}</span><br>${excerpt(campaign.problemStatement, 160)}</li>`,
  );
  const body = html`<h1>${texts.openChallenges}</h1>
${items.length ? html`<ul class="campaigns">${items}</ul>` : html`<p class="muted">${texts.noChallenges}</p>`}`;
  return renderPage({ locale: address.locale, title: texts.openChallenges, description: texts.siteTagline, url: address.url, home: address.home, body });
}
