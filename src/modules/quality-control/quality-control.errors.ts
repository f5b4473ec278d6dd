import { defineErrors } from '../../common/errors/domain-error';

/**
 * IDEA_CONTENT_INVALID keeps the code and wording clients already know from the ideas module: the
 * content rules moved here, the contract did not.
 */
export const QualityErrors = defineErrors({
  IDEA_CONTENT_INVALID: { status: 400, id: 'Ide tidak memenuhi aturan isi: {rules}.', en: 'The idea breaks content rules: {rules}.' },
});
