/**
 * The calendar of the activity chart: the last weeks, Monday first, in
 * UTC days (as the server counts them).
 */
import { IDayCount } from './problemTypes';

export interface IDayCell {
  /**
   * ISO date (UTC).
   */
  readonly day: string;
  readonly solved: number;
  readonly judged: number;
  /**
   * After today: drawn empty.
   */
  readonly future: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * `weeks` columns of seven days, the last one holding today.
 */
export function calendarWeeks(
  days: ReadonlyArray<IDayCount>,
  now: number,
  weeks = 12
): IDayCell[][] {
  const counts = new Map(days.map(day => [day.day, day]));
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate()
  );
  // getUTCDay: 0 is Sunday; Monday starts a week here.
  const weekday = (new Date(today).getUTCDay() + 6) % 7;
  const start = today - (weekday + 7 * (weeks - 1)) * DAY_MS;
  const columns: IDayCell[][] = [];
  for (let w = 0; w < weeks; w++) {
    const column: IDayCell[] = [];
    for (let d = 0; d < 7; d++) {
      const time = start + (w * 7 + d) * DAY_MS;
      const day = isoDay(time);
      const count = counts.get(day);
      column.push({
        day,
        solved: count?.solved ?? 0,
        judged: count?.judged ?? 0,
        future: time > today
      });
    }
    columns.push(column);
  }
  return columns;
}

/**
 * How dark a day is drawn: 0 (nothing solved) to 4.
 */
export function level(solved: number): number {
  return Math.min(4, Math.max(0, solved));
}
