import { renderGroupedBarChart, renderHistogram } from './svg-charts';

const TOPICS = {
  title: 'Pra vs pasca per topik',
  categories: ['Pemasaran digital', 'Harga <pokok>'],
  series: [
    { name: 'Pra-tes', values: [45, 50], colour: '#9aa5b1' },
    { name: 'Pasca-tes', values: [70, null], colour: '#1f6feb' },
  ],
  formatValue: (value: number) => `${value}%`,
  max: 100,
};

/** Coordinates and sizes of the drawn shapes (the root's width="100%" is not one). */
function numericAttributes(svg: string): number[] {
  return [...svg.matchAll(/ (?:x|y|x1|x2|y1|y2|width|height)="([^"%]*)"/g)].map((match) => Number(match[1]));
}

describe('renderGroupedBarChart', () => {
  const svg = renderGroupedBarChart(TOPICS);

  it('is a self-contained, titled SVG', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Pra vs pasca per topik</title>');
    expect(svg).toContain('role="img"');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('draws one bar per value, scaled to the shared maximum (70 % of the 256-unit bar space)', () => {
    expect(svg.match(/<rect /g)).toHaveLength(2 + 4);
    expect(svg).toContain('width="179.2"');
  });

  it('escapes category names and prints a dash for a missing value', () => {
    expect(svg).toContain('Harga &lt;pokok&gt;');
    expect(svg).not.toContain('<pokok>');
    expect(svg).toContain('>–</text>');
  });

  it('has only finite coordinates', () => {
    expect(numericAttributes(svg).every(Number.isFinite)).toBe(true);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('scales each category on its own when no maximum is given', () => {
    const kpi = renderGroupedBarChart({ ...TOPICS, categories: ['Omzet', 'Pelanggan'], max: undefined, series: [{ name: 'a', values: [0, 0], colour: '#000' }] });
    expect(numericAttributes(kpi).every(Number.isFinite)).toBe(true);
  });
});

describe('renderHistogram', () => {
  it('draws one bar per bin with its count and label', () => {
    const svg = renderHistogram({
      title: 'Sebaran gain',
      bins: [
        { label: '-10–0', count: 1 },
        { label: '0–10', count: 2 },
        { label: '10–20', count: 4 },
        { label: '20–30', count: 3 },
      ],
      colour: '#1f6feb',
      xTitle: 'Gain (poin)',
    });
    expect(svg.match(/<rect /g)).toHaveLength(4);
    expect(svg).toContain('>4</text>');
    expect(numericAttributes(svg).every(Number.isFinite)).toBe(true);
  });

  it('renders an empty histogram without NaN', () => {
    const svg = renderHistogram({ title: 't', bins: [], colour: '#000', xTitle: 'x' });
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });
});
