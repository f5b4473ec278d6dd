import type { GainBin } from './evaluation-report.types';

/**
 * Bins individual gains (percentage points) into equal [from, to) bins aligned on multiples of
 * the width, from the bin holding the lowest gain to the one holding the highest, empty bins kept
 * so the histogram's shape is honest.
 */
export function binGains(gains: readonly number[], width = 10): GainBin[] {
  if (gains.length === 0) return [];
  const first = Math.floor(Math.min(...gains) / width);
  const last = Math.floor(Math.max(...gains) / width);
  const bins: GainBin[] = [];
  for (let index = first; index <= last; index += 1) bins.push({ from: index * width, to: (index + 1) * width, count: 0 });
  for (const gain of gains) {
    const bin = bins[Math.floor(gain / width) - first] as GainBin;
    bin.count += 1;
  }
  return bins;
}
