/**
 * Whether a handshake from this Origin may open a socket.
 *
 * Browsers always send Origin on a WebSocket handshake and on cross-origin requests; apps, servers and
 * the benchmark send none, and a browser cannot forge one, so the check guards against other sites'
 * pages, not against other programs. A page served by this service itself (same origin) is always
 * allowed; other sites only when listed in CORS_ORIGINS. An empty list therefore means "same origin and
 * non-browser clients only". The opaque origin `null` (sandboxed frames, files) is refused unless listed.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowList: readonly string[]): boolean {
  if (origin === undefined) return true;
  const normalized = normalizeOrigin(origin);
  if (allowList.some((allowed) => normalizeOrigin(allowed) === normalized)) return true;
  return host !== undefined && hostOf(normalized) === host.toLowerCase();
}

function normalizeOrigin(origin: string): string {
  return origin.trim().toLowerCase().replace(/\/+$/, '');
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
