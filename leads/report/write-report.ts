import { join } from 'node:path';
import { writeChunk, writeFileAtomically } from '../atomic-file.js';
import type { CellValue, Column, Table } from '../table.js';
import { writeXlsx } from '../write-xlsx.js';
import type { Count, PeriodReport, TakedownFigures } from './build-report.js';

export const REPORT_FORMATS = ['xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

type Row = Record<string, CellValue>;

export function reportFileName(report: PeriodReport, format: ReportFormat): string {
  return `report-${report.period}-${report.label}.${format}`;
}

/** Writes the report in each format into `dir`; returns the paths. */
export async function writeReport(
  report: PeriodReport,
  formats: readonly ReportFormat[],
  dir: string,
): Promise<string[]> {
  const paths: string[] = [];
  for (const format of formats) {
    const path = join(dir, reportFileName(report, format));
    if (format === 'json') {
      await writeFileAtomically(path, async (stream) => {
        await writeChunk(stream, `${JSON.stringify(report, null, 2)}\n`);
      });
    } else {
      await writeXlsx(path, reportSheets(report));
    }
    paths.push(path);
  }
  return paths;
}

/** One sheet per breakdown, each with typed columns, a filter and a frozen header. */
export function reportSheets(report: PeriodReport): Table<Row>[] {
  const column = (key: string, header: string, type: Column<Row>['type'], width?: number): Column<Row> => ({
    key,
    header,
    type,
    ...(width === undefined ? {} : { width }),
    value: (row) => row[key],
  });
  const counts = (name: string, dimension: string, rows: readonly Count[], what: string): Table<Row> => ({
    name,
    columns: [column('value', dimension, 'text', 24), column('count', what, 'integer', 18)],
    rows: rows.map((row) => ({ value: row.value, count: row.count })),
  });
  const takedown = (figures: TakedownFigures): Row => ({
    platform: figures.platform,
    requested: figures.requested,
    removed: figures.removed,
    medianDays: figures.medianDaysToRemoval,
  });
  const summary: Row[] = [
    ['Period', `${report.period} ${report.label}`],
    ['From', report.from],
    ['To', report.to],
    ['Complete', report.complete ? 'yes' : 'no (period still running)'],
    ['Time zone', report.timeZone],
    ['Generated at', report.generatedAt],
    ['Flagged listing-category pairs captured', report.flaggedListings.categoryPairs],
    ['Flagged sellers active', report.sellers.active],
    ['Flagged sellers first seen', report.sellers.new],
    ['Takedown listings requested', report.takedowns.requested],
    ['Takedown listings confirmed removed', report.takedowns.removed],
    ['Median days to removal', report.takedowns.medianDaysToRemoval],
  ].map(([metric, value]) => ({ metric, value }));
  return [
    {
      name: 'Summary',
      columns: [column('metric', 'Metric', 'text', 40), column('value', 'Value', 'text', 30)],
      rows: summary,
    },
    counts('Listings by category', 'Category', report.flaggedListings.byCategory, 'Flagged listings'),
    counts('Listings by province', 'Province', report.flaggedListings.byProvince, 'Flagged listings'),
    counts('Listings by platform', 'Platform', report.flaggedListings.byPlatform, 'Flagged listings'),
    counts('Sellers by category', 'Category', report.sellers.byCategory, 'Flagged sellers'),
    counts('Sellers by province', 'Province', report.sellers.byProvince, 'Flagged sellers'),
    counts('Sellers by platform', 'Platform', report.sellers.byPlatform, 'Flagged sellers'),
    counts('Sellers by sign', 'Violation sign', report.sellers.bySign, 'Flagged sellers'),
    counts('Sellers by status', 'Case status', report.sellers.byStatus, 'Flagged sellers'),
    {
      name: 'Takedowns',
      columns: [
        column('platform', 'Platform', 'text', 14),
        column('requested', 'Listings requested', 'integer'),
        column('removed', 'Confirmed removed', 'integer'),
        column('medianDays', 'Median days to removal', 'decimal', 22),
      ],
      rows: [takedown(report.takedowns), ...report.takedowns.byPlatform.map(takedown)],
    },
  ];
}
