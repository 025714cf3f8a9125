export {
  KPIS,
  computeKpis,
  groupTotal,
  formatChange,
  formatKpi,
  kpi,
  KPI_EDGE_NOTE,
  type KpiDef,
  type KpiUnit,
  type KpiValue,
} from './kpis';
