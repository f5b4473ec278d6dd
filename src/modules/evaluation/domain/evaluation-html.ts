import { renderActionSentence } from './action-sentences';
import type { EvaluationReport, SurveyComments, SurveyItemSummary } from './evaluation-report.types';
import { escapeHtml } from '../../../common/html/html-escape';
import { formatDecimal, formatPercent, formatPValue, formatSignedPercent, type ReportLocale } from './number-format';
import { REPORT_MESSAGES, type ReportMessages } from './report-messages';
import { renderGroupedBarChart, renderHistogram } from './svg-charts';

export interface EvaluationHtmlOptions {
  locale?: ReportLocale;
  cohortName: string;
  programTitle: string;
  /** Display names by topic, item or KPI key in the report's language; default the stored titles. */
  labels?: Readonly<Record<string, string>>;
}

interface RenderContext {
  locale: ReportLocale;
  m: ReportMessages;
  labels: Readonly<Record<string, string>>;
}

const PRE_COLOUR = '#9aa5b1';
const POST_COLOUR = '#1f6feb';

/** Mobile-first, printable on A4, no external fonts or assets. */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
main{max-width:48rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #e5e7eb}
.sub{color:#57606a;margin:0}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem}
.card{border:1px solid #d0d7de;border-radius:.5rem;padding:.6rem}.card b{display:block;font-size:1.2rem}.card span{font-size:.8rem;color:#57606a}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #e5e7eb}
td.n,th.n{text-align:right;white-space:nowrap}ol li{margin:.3rem 0}blockquote{margin:.2rem 0 .2rem 1rem;color:#57606a;font-style:italic}
figure{margin:1rem 0}figcaption{font-size:.85rem;color:#57606a}.note{font-size:.85rem;color:#57606a}
@media (min-width:40rem){main{padding:2rem}h1{font-size:1.7rem}}
@media print{@page{size:A4;margin:15mm}body{font-size:10pt}main{max-width:none;padding:0}section,figure,tr{break-inside:avoid}.scroll{overflow:visible}}
`;

function text(value: string): string {
  return escapeHtml(value);
}

/** Counts and money print without decimals; small measures and half ranks keep one. */
function formatMeasure(value: number | null, locale: ReportLocale): string {
  const whole = value !== null && (Number.isInteger(value) || Math.abs(value) >= 100);
  return formatDecimal(value, whole ? 0 : 1, locale);
}

function labelOf(ctx: RenderContext, key: string, fallback: string | null): string {
  return ctx.labels[key] ?? fallback ?? key;
}

function renderTable(headers: readonly string[], rowsHtml: readonly (readonly string[])[], numericFrom = 1): string {
  const cell = (tag: 'th' | 'td', html: string, index: number) => `<${tag}${index >= numericFrom ? ' class="n"' : ''}>${html}</${tag}>`;
  const head = `<tr>${headers.map((header, index) => cell('th', text(header), index)).join('')}</tr>`;
  const body = rowsHtml.map((row) => `<tr>${row.map((html, index) => cell('td', html, index)).join('')}</tr>`).join('');
  return `<div class="scroll"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

function section(id: string, title: string, bodyHtml: string): string {
  return `<section id="${id}"><h2>${text(title)}</h2>${bodyHtml}</section>`;
}

function renderSummary(report: EvaluationReport, ctx: RenderContext): string {
  const { learning, participation } = report;
  const band = learning.normalizedGainClass === null ? '' : ` (${ctx.m.hakeBands[learning.normalizedGainClass]})`;
  const cards: [string, string][] = [
    [`${participation.nPaired} / ${participation.enrolled}`, ctx.m.participantsPaired],
    [`${formatPercent(learning.preMean, 1, ctx.locale)} → ${formatPercent(learning.postMean, 1, ctx.locale)}`, ctx.m.meanScore],
    [formatDecimal(learning.normalizedGain, 2, ctx.locale) + band, ctx.m.classGain],
    [formatPValue(learning.tTest.p, ctx.locale), ctx.m.pValue],
  ];
  const html = cards.map(([value, caption]) => `<div class="card"><b>${text(value)}</b><span>${text(caption)}</span></div>`).join('');
  return section('summary', ctx.m.summary, `<div class="cards">${html}</div>`);
}

function renderActions(report: EvaluationReport, ctx: RenderContext): string {
  if (report.actions.length === 0) return section('actions', ctx.m.nextSteps, `<p>${text(ctx.m.noActions)}</p>`);
  // Low-rated items of one survey share its comments: quote each comment once, under the first.
  const quoted = new Set<string>();
  const items = report.actions.map((action) => {
    const sentence = text(renderActionSentence(action, { locale: ctx.locale, labels: ctx.labels }));
    const fresh = (action.comments ?? []).filter((comment) => !quoted.has(comment));
    fresh.forEach((comment) => quoted.add(comment));
    return `<li>${sentence}${fresh.map((comment) => `<blockquote>“${text(comment)}”</blockquote>`).join('')}</li>`;
  });
  return section('actions', ctx.m.nextSteps, `<ol>${items.join('')}</ol>`);
}

function renderParticipation(report: EvaluationReport, ctx: RenderContext): string {
  const p = report.participation;
  const attrition = formatPercent(p.attrition === null ? null : 100 * p.attrition, 0, ctx.locale);
  const sentence = ctx.m.participationSentence(String(p.enrolled), String(p.nPre), String(p.nPost), String(p.nPaired), attrition);
  return section('participation', ctx.m.participation, `<p>${text(sentence)}</p>`);
}

function learningSentences(report: EvaluationReport, ctx: RenderContext): string[] {
  const l = report.learning;
  const d = (value: number | null, digits: number) => formatDecimal(value, digits, ctx.locale);
  const band = l.normalizedGainClass === null ? '–' : ctx.m.hakeBands[l.normalizedGainClass];
  const method = l.wilcoxon.method === null ? '–' : ctx.m.wilcoxonMethods[l.wilcoxon.method];
  return [
    ctx.m.meansSentence(formatPercent(l.preMean, 1, ctx.locale), formatPercent(l.postMean, 1, ctx.locale), d(l.meanGain, 1), d(l.medianGain, 1)),
    ctx.m.gainSentence(d(l.normalizedGain, 2), band, d(l.averageIndividualGain, 2)),
    ctx.m.tTestSentence(
      d(l.tTest.t, 2),
      d(l.tTest.df, 0),
      formatPValue(l.tTest.p, ctx.locale),
      d(l.tTest.ciLow, 1),
      d(l.tTest.ciHigh, 1),
      d(l.dz, 2),
      d(l.dav, 2),
    ),
    ctx.m.wilcoxonSentence(method, formatMeasure(l.wilcoxon.wPlus, ctx.locale), formatPValue(l.wilcoxon.p, ctx.locale)),
    ctx.m.reliabilitySentence(d(l.kr20, 2)),
  ];
}

function renderTopicChart(report: EvaluationReport, ctx: RenderContext): string {
  const topics = report.learning.topics;
  const svg = renderGroupedBarChart({
    title: ctx.m.topicChartTitle,
    categories: topics.map((topic) => labelOf(ctx, topic.key, topic.title)),
    series: [
      { name: ctx.m.preTest, values: topics.map((topic) => topic.preMean), colour: PRE_COLOUR },
      { name: ctx.m.postTest, values: topics.map((topic) => topic.postMean), colour: POST_COLOUR },
    ],
    formatValue: (value) => formatPercent(value, 1, ctx.locale),
    max: 100,
  });
  return `<figure>${svg}<figcaption>${text(ctx.m.topicChartTitle)}</figcaption></figure>`;
}

function renderGainHistogram(report: EvaluationReport, ctx: RenderContext): string {
  const svg = renderHistogram({
    title: ctx.m.gainChartTitle,
    bins: report.learning.gainDistribution.map((bin) => ({
      label: `${formatDecimal(bin.from, 0, ctx.locale)}–${formatDecimal(bin.to, 0, ctx.locale)}`,
      count: bin.count,
    })),
    colour: POST_COLOUR,
    xTitle: ctx.m.gainAxis,
  });
  return `<figure>${svg}<figcaption>${text(ctx.m.gainChartTitle)}</figcaption></figure>`;
}

function renderLearning(report: EvaluationReport, ctx: RenderContext): string {
  const sentences = learningSentences(report, ctx).map((sentence) => `<p>${text(sentence)}</p>`).join('');
  const rows = report.learning.topics.map((topic) => [
    text(labelOf(ctx, topic.key, topic.title)),
    text(formatPercent(topic.preMean, 1, ctx.locale)),
    text(formatPercent(topic.postMean, 1, ctx.locale)),
    text(formatDecimal(topic.normalizedGain, 2, ctx.locale)),
  ]);
  const table = renderTable([ctx.m.topic, ctx.m.preTest, ctx.m.postTest, ctx.m.normalizedGainShort], rows);
  const charts = report.learning.topics.length > 0 ? renderTopicChart(report, ctx) : '';
  const histogram = report.learning.gainDistribution.length > 0 ? renderGainHistogram(report, ctx) : '';
  return section('learning', ctx.m.learning, sentences + charts + table + histogram);
}

function surveyRows<T extends SurveyItemSummary>(items: readonly T[], ctx: RenderContext, share: (item: T) => number | null): string[][] {
  return items.map((item) => [
    text(labelOf(ctx, item.key, item.prompt)),
    String(item.n),
    text(formatDecimal(item.median, 1, ctx.locale)),
    text(formatDecimal(item.mean, 2, ctx.locale)),
    text(formatPercent(share(item), 0, ctx.locale)),
  ]);
}

function renderComments(comments: readonly SurveyComments[], ctx: RenderContext): string {
  const blocks = comments
    .filter((comment) => comment.texts.length > 0)
    .map((comment) => {
      const quotes = comment.texts.map((quote) => `<blockquote>“${text(quote)}”</blockquote>`).join('');
      return `<h4>${text(labelOf(ctx, comment.key, comment.prompt))}</h4>${quotes}`;
    });
  return blocks.length === 0 ? '' : `<h3>${text(ctx.m.comments)}</h3>${blocks.join('')}`;
}

function renderReaction(report: EvaluationReport, ctx: RenderContext): string {
  const { items, alpha, comments } = report.reaction;
  if (items.length === 0 && comments.length === 0) return section('reaction', ctx.m.reaction, `<p>${text(ctx.m.noData)}</p>`);
  const table = renderTable([ctx.m.item, 'n', ctx.m.median, ctx.m.mean, ctx.m.topTwoBox], surveyRows(items, ctx, (item) => item.topTwoBox));
  const alphaText = `<p>${text(ctx.m.alphaSentence(formatDecimal(alpha, 2, ctx.locale)))}</p>`;
  return section('reaction', ctx.m.reaction, alphaText + table + renderComments(comments, ctx));
}

function renderBehaviour(report: EvaluationReport, ctx: RenderContext): string {
  const { items, comments } = report.behaviour;
  if (items.length === 0 && comments.length === 0) return section('behaviour', ctx.m.behaviour, `<p>${text(ctx.m.noData)}</p>`);
  const table = renderTable([ctx.m.item, 'n', ctx.m.median, ctx.m.mean, ctx.m.shareApplying], surveyRows(items, ctx, (item) => item.shareApplying));
  return section('behaviour', ctx.m.behaviour, table + renderComments(comments, ctx));
}

function renderKpiChart(report: EvaluationReport, ctx: RenderContext): string {
  const kpis = report.results.kpis;
  const svg = renderGroupedBarChart({
    title: ctx.m.kpiChartTitle,
    categories: kpis.map((kpi) => `${labelOf(ctx, kpi.key, kpi.label)} (${kpi.unit})`),
    series: [
      { name: ctx.m.baseline, values: kpis.map((kpi) => kpi.baselineMean), colour: PRE_COLOUR },
      { name: ctx.m.followup, values: kpis.map((kpi) => kpi.followupMean), colour: POST_COLOUR },
    ],
    formatValue: (value) => formatMeasure(value, ctx.locale),
  });
  return `<figure>${svg}<figcaption>${text(ctx.m.kpiChartTitle)}</figcaption></figure>`;
}

function renderResults(report: EvaluationReport, ctx: RenderContext): string {
  const kpis = report.results.kpis;
  if (kpis.length === 0) return section('results', ctx.m.results, `<p>${text(ctx.m.noData)}</p>`);
  const rows = kpis.map((kpi) => [
    text(`${labelOf(ctx, kpi.key, kpi.label)} (${kpi.unit})`),
    String(kpi.n),
    text(formatSignedPercent(kpi.medianPctChange, 1, ctx.locale)),
    text(`${kpi.improved} / ${kpi.n}`),
    text(formatSignedPercent(kpi.aggregatePctChange, 1, ctx.locale)),
  ]);
  const table = renderTable([ctx.m.item, 'n', ctx.m.medianChange, ctx.m.improved, ctx.m.aggregateChange], rows);
  const zeroBaselines = kpis.reduce((count, kpi) => count + kpi.symmetricPctChanges.length, 0);
  const notes = [ctx.m.aggregateNote, ...(zeroBaselines > 0 ? [ctx.m.zeroBaselineNote(String(zeroBaselines))] : [])];
  return section('results', ctx.m.results, renderKpiChart(report, ctx) + table + notes.map((note) => `<p class="note">${text(note)}</p>`).join(''));
}

function renderComparison(report: EvaluationReport, ctx: RenderContext): string {
  if (report.comparison === null) return '';
  const rows = report.comparison.topics.map((topic) => [
    text(labelOf(ctx, topic.key, topic.title)),
    text(formatDecimal(topic.gainDelta, 1, ctx.locale)),
    text(formatPValue(topic.welch.p, ctx.locale)),
    text(formatDecimal(topic.hedgesG, 2, ctx.locale)),
    text(topic.countsAsReal ? ctx.m.yes : ctx.m.no),
  ]);
  const intro = `<p>${text(ctx.m.comparisonIntro(report.comparison.previousCohortId))}</p>`;
  return section('comparison', ctx.m.comparison, intro + renderTable([ctx.m.topic, ctx.m.gainDelta, 'p', ctx.m.hedgesG, ctx.m.real], rows));
}

function renderItemAnalysis(report: EvaluationReport, ctx: RenderContext): string {
  if (report.learning.items.length === 0) return '';
  const share = (value: number | null) => text(formatPercent(value === null ? null : 100 * value, 0, ctx.locale));
  const rows = report.learning.items.map((item) => [
    text(labelOf(ctx, item.key, null)),
    share(item.difficultyPre),
    share(item.difficultyPost),
    text(formatDecimal(item.discrimination, 2, ctx.locale)),
    text(formatDecimal(item.itemRest, 2, ctx.locale)),
  ]);
  const headers = [ctx.m.item, ctx.m.difficultyPre, ctx.m.difficultyPost, ctx.m.discrimination, ctx.m.itemRest];
  return section('items', ctx.m.itemAnalysis, renderTable(headers, rows));
}

/** The evaluation as one self-contained page (inline CSS and SVG), Indonesian by default; every user string is escaped. */
export function renderEvaluationHtml(report: EvaluationReport, options: EvaluationHtmlOptions): string {
  const locale = options.locale ?? 'id';
  const ctx: RenderContext = { locale, m: REPORT_MESSAGES[locale], labels: options.labels ?? {} };
  const title = `${ctx.m.documentTitle}: ${options.programTitle}`;
  const subtitle = `${text(ctx.m.documentTitle)} · ${text(options.cohortName)}`;
  const header = `<header><h1>${text(options.programTitle)}</h1><p class="sub">${subtitle}</p></header>`;
  const body = [
    renderSummary(report, ctx),
    renderActions(report, ctx),
    renderParticipation(report, ctx),
    renderLearning(report, ctx),
    renderReaction(report, ctx),
    renderBehaviour(report, ctx),
    renderResults(report, ctx),
    renderComparison(report, ctx),
    renderItemAnalysis(report, ctx),
  ].join('');
  const footer = `<footer><p class="note">${text(ctx.m.methodsNote)}</p></footer>`;
  const head =
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${text(title)}</title><style>${STYLE}</style>`;
  return `<!doctype html><html lang="${locale}"><head>${head}</head><body><main>${header}${body}${footer}</main></body></html>`;
}
