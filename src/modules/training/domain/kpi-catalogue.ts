import { costPerLead, customerLifetimeValue, type KpiDirection } from '../../evaluation/domain/kpi-change';

/**
 * The business KPIs of PRODUCT.md step 4, by the item keys a KPI instrument must use so the
 * evaluation, the cohort comparison and community analytics line up across cohorts and programs.
 * `parameter` keys feed a derived KPI and are not outcomes themselves: a discount rate does not
 * "improve", and more or less marketing spend is neither good nor bad until it is divided by the
 * leads it bought (cost per lead). Retention and discount rate are percentages (0–100), as UMKM owners say them.
 */
export interface KpiKeyDefinition {
  direction: KpiDirection;
  role: 'outcome' | 'parameter';
  /** Inclusive upper bound of an answer; every KPI answer is at least 0. */
  max?: number;
}

export const KPI_CATALOGUE = {
  revenue: { direction: 'higher-is-better', role: 'outcome' },
  customers: { direction: 'higher-is-better', role: 'outcome' },
  production: { direction: 'higher-is-better', role: 'outcome' },
  digitalChannels: { direction: 'higher-is-better', role: 'outcome' },
  marketingSpend: { direction: 'higher-is-better', role: 'parameter' },
  leads: { direction: 'higher-is-better', role: 'outcome' },
  margin: { direction: 'higher-is-better', role: 'outcome' },
  retention: { direction: 'higher-is-better', role: 'outcome', max: 100 },
  discountRate: { direction: 'higher-is-better', role: 'parameter', max: 100 },
} as const satisfies Record<string, KpiKeyDefinition>;

export type KpiKey = keyof typeof KPI_CATALOGUE;
export const REQUIRED_KPI_KEYS = Object.keys(KPI_CATALOGUE) as KpiKey[];

export function kpiDefinition(key: string): KpiKeyDefinition | undefined {
  return (KPI_CATALOGUE as Record<string, KpiKeyDefinition>)[key];
}

/** KPIs the evaluation computes per business from the answers (ALGORITHMS.md §5). */
export const DERIVED_KPIS = {
  costPerLead: { label: 'Biaya per prospek (cost per lead)', direction: 'lower-is-better' as KpiDirection, unitFrom: 'marketingSpend' },
  customerLifetimeValue: { label: 'Nilai umur pelanggan (CLV)', direction: 'higher-is-better' as KpiDirection, unitFrom: 'margin' },
} as const;

/**
 * Cost per lead = spend / leads, and CLV = m·r/(1 + i − r) (Gupta & Lehmann 2003) with r and i
 * given in percent; a value is left out when its inputs are missing or outside the formula's domain.
 */
export function deriveKpiValues(values: ReadonlyMap<string, number>): Record<string, number> {
  const derived: Record<string, number> = {};
  const spend = values.get('marketingSpend');
  const leads = values.get('leads');
  const cpl = spend === undefined || leads === undefined ? null : costPerLead(spend, leads);
  if (cpl !== null) derived.costPerLead = cpl;
  const margin = values.get('margin');
  const retention = values.get('retention');
  const discountRate = values.get('discountRate');
  if (margin !== undefined && retention !== undefined && discountRate !== undefined) {
    const clv = customerLifetimeValue(margin, retention / 100, discountRate / 100);
    if (clv !== null) derived.customerLifetimeValue = clv;
  }
  return derived;
}
