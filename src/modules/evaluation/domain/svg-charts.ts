import { escapeHtml } from '../../../common/html/html-escape';

/**
 * Inline SVG charts for the printable report: no scripts, no external assets, readable on a
 * narrow phone (horizontal bars with the label on its own line) and on A4. All text is escaped.
 */

export interface BarSeries {
  name: string;
  values: readonly (number | null)[];
  colour: string;
}

export interface GroupedBarChartSpec {
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  formatValue: (value: number) => string;
  /**
   * Shared maximum of the value axis (100 for percentages). Without it each category is scaled to
   * its own largest value, because KPIs come in different units.
   */
  max?: number;
}

export interface HistogramBin {
  label: string;
  count: number;
}

export interface HistogramSpec {
  title: string;
  bins: readonly HistogramBin[];
  colour: string;
  xTitle: string;
}

const WIDTH = 320;
const VALUE_LABEL_SPACE = 64;
const BAR_HEIGHT = 12;
const LABEL_HEIGHT = 16;
const GROUP_GAP = 10;
const LEGEND_HEIGHT = 20;
const FONT = 'font-family="system-ui, sans-serif" font-size="11"';
const SMALL_FONT = 'font-family="system-ui, sans-serif" font-size="9"';

function svgOpen(title: string, height: number): string {
  const label = escapeHtml(title);
  const attributes = `xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${label}"`;
  return `<svg ${attributes}><title>${label}</title>`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function legend(series: readonly BarSeries[]): string {
  return series
    .map((s, index) => {
      const x = index * 110;
      return `<rect x="${x}" y="4" width="10" height="10" fill="${s.colour}"/><text x="${x + 14}" y="13" ${FONT}>${escapeHtml(s.name)}</text>`;
    })
    .join('');
}

function barGroup(spec: GroupedBarChartSpec, categoryIndex: number, top: number): string {
  const values = spec.series.map((s) => s.values[categoryIndex] ?? null);
  const scaleMax = spec.max ?? Math.max(0, ...values.map((value) => Math.abs(value ?? 0)));
  const barSpace = WIDTH - VALUE_LABEL_SPACE;
  const label = `<text x="0" y="${top + 11}" ${FONT} font-weight="600">${escapeHtml(spec.categories[categoryIndex] ?? '')}</text>`;
  const bars = spec.series.map((s, seriesIndex) => {
    const value = values[seriesIndex] ?? null;
    const y = top + LABEL_HEIGHT + seriesIndex * (BAR_HEIGHT + 2);
    const width = value === null || scaleMax === 0 ? 0 : (barSpace * Math.min(Math.abs(value), scaleMax)) / scaleMax;
    const text = value === null ? '–' : spec.formatValue(value);
    const bar = `<rect x="0" y="${y}" width="${round(width)}" height="${BAR_HEIGHT}" fill="${s.colour}"/>`;
    return `${bar}<text x="${round(width + 4)}" y="${y + 10}" ${FONT}>${escapeHtml(text)}</text>`;
  });
  return label + bars.join('');
}

/** Grouped horizontal bars, one group per category (pre vs post per topic, KPI before vs after). */
export function renderGroupedBarChart(spec: GroupedBarChartSpec): string {
  const groupHeight = LABEL_HEIGHT + spec.series.length * (BAR_HEIGHT + 2) + GROUP_GAP;
  const height = LEGEND_HEIGHT + spec.categories.length * groupHeight;
  const groups = spec.categories.map((_, index) => barGroup(spec, index, LEGEND_HEIGHT + index * groupHeight));
  return `${svgOpen(spec.title, height)}${legend(spec.series)}${groups.join('')}</svg>`;
}

/** Vertical histogram with the count above each bar and the bin label below. */
export function renderHistogram(spec: HistogramSpec): string {
  const height = 180;
  const plotTop = 16;
  const plotBottom = height - 36;
  const slot = spec.bins.length === 0 ? WIDTH : WIDTH / spec.bins.length;
  const maxCount = Math.max(1, ...spec.bins.map((bin) => bin.count));
  const bars = spec.bins.map((bin, index) => {
    const barHeight = ((plotBottom - plotTop) * bin.count) / maxCount;
    const x = index * slot + 2;
    const centre = round(index * slot + slot / 2);
    return (
      `<rect x="${round(x)}" y="${round(plotBottom - barHeight)}" width="${round(slot - 4)}" height="${round(barHeight)}" fill="${spec.colour}"/>` +
      `<text x="${centre}" y="${round(plotBottom - barHeight - 3)}" text-anchor="middle" ${FONT}>${bin.count}</text>` +
      `<text x="${centre}" y="${plotBottom + 14}" text-anchor="middle" ${SMALL_FONT}>${escapeHtml(bin.label)}</text>`
    );
  });
  const axis = `<line x1="0" y1="${plotBottom}" x2="${WIDTH}" y2="${plotBottom}" stroke="#555"/>`;
  const xTitle = `<text x="${WIDTH / 2}" y="${height - 4}" text-anchor="middle" ${FONT}>${escapeHtml(spec.xTitle)}</text>`;
  return `${svgOpen(spec.title, height)}${axis}${bars.join('')}${xTitle}</svg>`;
}
