import { html, jsonForScript, SafeHtml, trustedHtml } from './html-template';

describe('html', () => {
  it('escapes every interpolated string, so user text never becomes markup', () => {
    const title = '<img src=x onerror="alert(1)">';
    expect(html`<h1>${title}</h1>`.markup).toBe('<h1>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</h1>');
    expect(html`<a title="${"x' y"}">`.markup).toBe('<a title="x&#39; y">');
  });

  it('keeps SafeHtml as it is, joins arrays and renders null, undefined and false as nothing', () => {
    const items = ['a&b', 'c'].map((text) => html`<li>${text}</li>`);
    expect(html`<ul>${items}</ul>`.markup).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
    expect(html`[${null}${undefined}${false}${0}]`.markup).toBe('[0]');
    expect(html`${trustedHtml('<b>ok</b>')}`).toBeInstanceOf(SafeHtml);
    expect(String(html`${trustedHtml('<b>ok</b>')}`)).toBe('<b>ok</b>');
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element it sits in', () => {
    const markup = jsonForScript({ text: '</script><script>alert(1)</script>', sep: '\u2028' }).markup;
    expect(markup).not.toContain('</script');
    expect(markup).not.toContain('\u2028');
    expect(JSON.parse(markup)).toEqual({ text: '</script><script>alert(1)</script>', sep: '\u2028' });
  });
});
