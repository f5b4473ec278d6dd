import { html } from '../../../common/html/html-template';
import type { Locale } from '../../../common/i18n/locale';
import { renderPage } from './page-layout';
import { WEB_TEXTS } from './web-texts';

/** What a broken, private or not-yet-open link shows: a page in the reader's language, not JSON. */
export function renderErrorPage(kind: 'not-found' | 'error', locale: Locale, home: string): string {
  const texts = WEB_TEXTS[locale];
  const [title, text] = kind === 'not-found' ? [texts.notFoundTitle, texts.notFoundBody] : [texts.errorTitle, texts.errorBody];
  return renderPage({ locale, title, description: text, url: home, home, body: html`<h1>${title}</h1><p>${text}</p>` });
}
