import { escapeHtml } from './html-escape';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["Kopi & Teh 'Bu Sri'", 'Kopi &amp; Teh &#39;Bu Sri&#39;'],
    ['&amp;', '&amp;amp;'],
    ['Pembukuan', 'Pembukuan'],
  ])('escapes %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });

  it('leaves no markup characters behind', () => {
    expect(escapeHtml('<>"\'&<img src=x onerror=alert(1)>')).not.toMatch(/[<>"']/);
  });
});
