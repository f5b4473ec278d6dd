import { Localized } from '../i18n/locale';

/**
 * A coded failure thrown by services; one filter maps it to HTTP. Services never throw HttpException,
 * so the same code serves HTTP, the socket gateway and scheduled jobs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export interface ErrorDefinition {
  status: number;
  message: Localized;
}

const registry = new Map<string, ErrorDefinition>();

/**
 * Each module declares its codes once with their messages; the HTTP status follows the code's suffix
 * unless the module names one.
 */
export function defineErrors<K extends string>(
  definitions: Record<K, Localized & { status?: number }>,
): { [P in K]: P } {
  const codes = {} as { [P in K]: P };
  for (const code of Object.keys(definitions) as K[]) {
    const { status, ...message } = definitions[code];
    registry.set(code, { status: status ?? statusFromCode(code), message });
    codes[code] = code;
  }
  return codes;
}

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return registry.get(code);
}

export function statusFromCode(code: string): number {
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_FORBIDDEN')) return 403;
  if (code.endsWith('_CONFLICT')) return 409;
  if (code.endsWith('_INVALID')) return 400;
  if (code.endsWith('_UNAUTHORIZED')) return 401;
  if (code.endsWith('_RATE_LIMITED')) return 429;
  return 422;
}

/** Throws `code` when the condition fails; keeps guard clauses one line long. */
export function assertThat(condition: unknown, code: string, params?: Record<string, unknown>): asserts condition {
  if (!condition) throw new DomainError(code, params);
}
