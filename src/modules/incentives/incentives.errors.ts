import { defineErrors } from '../../common/errors/domain-error';

export const IncentiveErrors = defineErrors({
  RESULTS_NOT_CLOSED_CONFLICT: { id: 'Hasil baru tersedia setelah sayembara ditutup (status: {status}).', en: 'Results are available once the campaign is closed (status: {status}).' },
});
