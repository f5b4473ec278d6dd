import { escapeHtml } from './html-escape';

/** Markup that is safe to send as it is: only `html` and `trustedHtml` make one. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every interpolated value unless it is already SafeHtml, so text from
 * users (titles, descriptions, business names) can never become markup. Arrays are joined; null,
 * undefined and false render nothing, for `${cond && html`…`}`.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) markup += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(markup);
}

/** Markup written by us, not by users: static styles and scripts, JSON prepared by `jsonForScript`. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * JSON for a `<script type="application/json">` data block: `<` is escaped so no value can close the
 * element, and the line separators JavaScript once rejected are escaped too.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}
