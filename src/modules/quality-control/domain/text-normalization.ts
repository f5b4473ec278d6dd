// provisional: replaced by the quality-control module under construction
import { createHash } from 'node:crypto';
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}
export function contentHash(title: string, description: string): string {
  return createHash('sha256').update(normalizeText(`${title} ${description}`)).digest('hex');
}
