// provisional: replaced by the ranking module under construction
export function wilsonLowerBound(pos: number, n: number, z = 1.959963984540054): number {
  if (n === 0) return 0;
  const p = pos / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n)) / (1 + (z * z) / n);
}
export function bayesianAverage(R: number, v: number, C: number, m: number): number {
  return (v * R + m * C) / (v + m);
}
export function priorWeight(counts: number[]): number {
  if (counts.length === 0) return 1;
  const s = [...counts].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.max(1, median);
}
