import { html, SafeHtml } from '../../../common/html/html-template';
import type { Locale } from '../../../common/i18n/locale';
import { describeTally, TallyView, VoteMode } from './page-format';
import { WEB_TEXTS, WebTexts } from './web-texts';

/** The buttons of the campaign's vote mode: support (and disagree), or 1–5 stars. */
export function voteButtons(mode: VoteMode, texts: WebTexts): SafeHtml {
  if (mode === 'rating') {
    const stars = [1, 2, 3, 4, 5].map((value) => html`<button type="button" data-vote="${value}" aria-label="${texts.rateLabel} ${value}">${value}★</button>`);
    return html`<div class="votes">${stars}</div>`;
  }
  const down = mode === 'updown' ? html`<button type="button" data-vote="-1">👎 ${texts.voteDown}</button>` : null;
  return html`<div class="votes"><button type="button" data-vote="1">👍 ${texts.voteUp}</button>${down}</div>`;
}

export function tallyLine(tally: TallyView, mode: VoteMode, locale: Locale): SafeHtml {
  return html`<span class="muted" data-tally>${describeTally(tally, mode, locale, WEB_TEXTS[locale])}</span>`;
}

export function ideaBadge(status: string, texts: WebTexts): SafeHtml | null {
  const label = (texts.ideaStatus as Record<string, string>)[status];
  return label ? html` <span class="badge">${label}</span>` : null;
}

/** wa.me opens WhatsApp with the text ready to send or post as a Status, on phones and on the web. */
export function whatsAppShare(text: string, url: string, texts: WebTexts): SafeHtml {
  return html`<a class="share" href="${`https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`}" rel="noopener">${texts.shareWhatsApp}</a>`;
}

/** Sign in / sign up, folded away until needed; the script shows whichever applies. */
export function accountPanel(texts: WebTexts): SafeHtml {
  return html`<p data-signed-in hidden class="muted">${texts.signedInAs} <strong id="account-name"></strong> · <button type="button" id="sign-out">${texts.signOut}</button></p>
<details data-signed-out>
<summary>${texts.account}</summary>
<form id="sign-in">
<strong>${texts.signIn}</strong>
<input name="login" autocomplete="username" required maxlength="254" placeholder="${texts.fieldLogin}" aria-label="${texts.fieldLogin}">
<input name="password" type="password" autocomplete="current-password" required maxlength="128" placeholder="${texts.fieldPassword}" aria-label="${texts.fieldPassword}">
<button class="primary">${texts.signIn}</button>
</form>
<form id="sign-up">
<strong>${texts.signUp}</strong>
<input name="displayName" autocomplete="name" required maxlength="80" placeholder="${texts.fieldName}" aria-label="${texts.fieldName}">
<input name="contact" autocomplete="tel" required maxlength="254" placeholder="${texts.fieldContact}" aria-label="${texts.fieldContact}">
<input name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128" placeholder="${texts.fieldNewPassword}" aria-label="${texts.fieldNewPassword}">
<button class="primary">${texts.signUp}</button>
</form>
</details>
<p id="message" role="status" aria-live="polite"></p>`;
}
