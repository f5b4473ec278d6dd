/** Length in Unicode code points, as PostgreSQL counts characters. */
export function codePointCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
