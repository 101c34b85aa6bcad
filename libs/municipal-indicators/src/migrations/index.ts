import { MunicipalIndicators1796910000000 } from './1796910000000-municipal-indicators.migration';

/** Municipality indicators' schema history. */
export const MUNICIPAL_INDICATORS_MIGRATIONS = [MunicipalIndicators1796910000000];
