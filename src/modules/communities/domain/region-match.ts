/** Free-text regions compare without case or surrounding space: "bantul " is the community's "Bantul". */
export function normalizeRegion(region: string): string {
  return region.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The community's spelling of a business region, or null when the community does not cover it. */
export function matchRegion(region: string, regions: readonly string[]): string | null {
  const wanted = normalizeRegion(region);
  return regions.find((candidate) => normalizeRegion(candidate) === wanted) ?? null;
}

/** The first region listed twice (after normalisation), or null. */
export function duplicateRegion(regions: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const region of regions) {
    const key = normalizeRegion(region);
    if (seen.has(key)) return region;
    seen.add(key);
  }
  return null;
}
