import { html, jsonForScript, SafeHtml, trustedHtml } from '../../../common/html/html-template';
import type { Locale } from '../../../common/i18n/locale';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-assets';
import { LANGUAGE_TAG } from './page-format';
import { WEB_TEXTS } from './web-texts';

export interface PageFrame {
  locale: Locale;
  title: string;
  /** The preview text of link cards (WhatsApp, Facebook, Telegram read Open Graph) and search results. */
  description: string;
  /** The page's absolute address, for link cards and the canonical link. */
  url: string;
  /** The service's absolute address, for the header link. */
  home: string;
  body: SafeHtml;
  /** What the page script needs; pages without it carry no script at all. */
  scriptData?: Record<string, unknown>;
}

const OG_LOCALE: Record<Locale, string> = { id: 'id_ID', en: 'en_GB' };

/** The document around every page: meta tags for link previews, the inline style, and the script when needed. */
export function renderPage(frame: PageFrame): string {
  const texts = WEB_TEXTS[frame.locale];
  const script = frame.scriptData
    ? html`<script type="application/json" id="page-data">${jsonForScript({ ...frame.scriptData, languageTag: LANGUAGE_TAG[frame.locale], texts: texts.script })}</script><script>${trustedHtml(PAGE_SCRIPT)}</script>`
    : null;
  return html`<!doctype html>
<html lang="${frame.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${frame.title} · Sayembara</title>
<meta name="description" content="${frame.description}">
<meta property="og:site_name" content="Sayembara">
<meta property="og:type" content="website">
<meta property="og:title" content="${frame.title}">
<meta property="og:description" content="${frame.description}">
<meta property="og:url" content="${frame.url}">
<meta property="og:locale" content="${OG_LOCALE[frame.locale]}">
<link rel="canonical" href="${frame.url}">
<style>${trustedHtml(PAGE_STYLE)}</style>
</head>
<body>
<header><a href="${frame.home}">Sayembara</a> · ${texts.siteTagline}</header>
<main>
${frame.body}
</main>
<footer class="muted"><a href="${frame.home}">${texts.home}</a></footer>
${script}
</body>
</html>
`.markup;
}
