import { addDays } from '../days.js';

export const REPORT_PERIODS = ['month', 'quarter', 'half', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface PeriodRange {
  period: ReportPeriod;
  /** "2026-11", "2026-Q4", "2026-H2", "2026". */
  label: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

const MONTHS_IN: Record<ReportPeriod, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The calendar month, quarter, half-year or year that contains `day`. */
export function periodContaining(period: ReportPeriod, day: string): PeriodRange {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const size = MONTHS_IN[period];
  const firstMonth = Math.floor((month - 1) / size) * size + 1;
  const from = `${year}-${pad(firstMonth)}-01`;
  const next = firstMonth + size > 12 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + size)}-01`;
  const to = addDays(next, -1);
  const index = Math.floor((month - 1) / size) + 1;
  const label =
    period === 'month'
      ? `${year}-${pad(month)}`
      : period === 'quarter'
        ? `${year}-Q${index}`
        : period === 'half'
          ? `${year}-H${index}`
          : String(year);
  return { period, label, from, to };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
