import type { EvaluationReport, ParticipantRow } from './evaluation-report.types';

/** Excel reads a CSV as UTF-8 only after a byte-order mark; without it accented names and emoji turn to mojibake. */
const UTF8_BOM = '\uFEFF';
/** RFC 4180 record separator. */
const CRLF = '\r\n';
/** Characters that make a spreadsheet evaluate a cell as a formula (OWASP CSV injection). */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

type Cell = string | number | null;

/** Numbers with '.' decimals (machine-readable), at most two decimals, trailing zeros dropped. */
function formatNumberCell(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '';
}

/** Text that would start a formula is prefixed with a quote; numbers are never touched, so −5 stays a number. */
function neutralizeFormula(text: string): string {
  return FORMULA_TRIGGERS.test(text) ? `'${text}` : text;
}

/** RFC 4180: fields holding a quote, comma or line break are quoted, with quotes doubled. */
export function toCsvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? formatNumberCell(cell) : neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsvRecord(cells: readonly Cell[]): string {
  return cells.map(toCsvField).join(',');
}

/** One row per participant: id, pre, post, gain (percent) and each topic's pre and post, under topic-titled headers. */
export function renderEvaluationCsv(report: EvaluationReport, rows: readonly ParticipantRow[]): string {
  const topics = report.learning.topics;
  const header: Cell[] = ['participant_id', 'pre', 'post', 'gain', ...topics.flatMap((topic) => [`${topic.title} (pre)`, `${topic.title} (post)`])];
  const records = rows.map((row) =>
    toCsvRecord([
      row.participantId,
      row.pre,
      row.post,
      row.gain,
      ...topics.flatMap((topic) => [row.topics[topic.key]?.pre ?? null, row.topics[topic.key]?.post ?? null]),
    ]),
  );
  return UTF8_BOM + [toCsvRecord(header), ...records].join(CRLF) + CRLF;
}
