export { KPIS, computeKpis, formatChange, formatKpi, kpi, type KpiDef, type KpiUnit, type KpiValue } from './kpis';
