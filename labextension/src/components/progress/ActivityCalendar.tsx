/**
 * The last weeks as a calendar heatmap: a square per day, darker the more
 * problems were solved that day; drawn as SVG, its accessible name
 * summing the weeks up.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useMemo } from 'react';

import { IDayCell, calendarWeeks, level } from '../../progressDays';
import { IDayCount } from '../../problemTypes';
import { formatDay } from '../../utils';

export interface IActivityCalendarProps {
  days: ReadonlyArray<IDayCount>;
  weeks: number;
  /**
   * Now (ms), for the last week.
   */
  now: number;
  trans: TranslationBundle;
}

const CELL = 14;
const GAP = 3;
const LEFT = 30;
const TOP = 16;

function dayText(cell: IDayCell, trans: TranslationBundle): string {
  const when = formatDay(`${cell.day}T12:00:00Z`);
  return cell.judged === 0
    ? trans.__('%1: nothing judged', when)
    : trans.__('%1: %2 solved, %3 judged', when, cell.solved, cell.judged);
}

export function ActivityCalendar(props: IActivityCalendarProps): JSX.Element {
  const { days, weeks, now, trans } = props;
  const columns = useMemo(
    () => calendarWeeks(days, now, weeks),
    [days, now, weeks]
  );
  const cells = columns.reduce<IDayCell[]>((all, c) => all.concat(c), []);
  const solved = cells.reduce((sum, cell) => sum + cell.solved, 0);
  const judged = cells.reduce((sum, cell) => sum + cell.judged, 0);
  const active = cells.filter(cell => cell.solved > 0).length;
  const summary = trans.__(
    'Activity in the last %1 weeks. Problems solved: %2. Days with a solve: %3. Judgings: %4.',
    weeks,
    solved,
    active,
    judged
  );
  const width = LEFT + weeks * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const weekdays: Array<[number, string]> = [
    [0, trans.__('Mon')],
    [2, trans.__('Wed')],
    [4, trans.__('Fri')]
  ];
  // A month's name above the first week that starts in it.
  const starts = columns
    .map((column, w) => ({ w, day: column[0].day }))
    .filter(
      ({ w, day }) =>
        w === 0 || day.slice(5, 7) !== columns[w - 1][0].day.slice(5, 7)
    );
  // The first week's month only when it has room before the next name.
  const months = starts.filter(
    ({ w }) => w > 0 || starts.length < 2 || starts[1].w >= 3
  );

  return (
    <div className="cc-ActivityCalendar">
      <svg
        className="cc-Heatmap"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        {months.map(({ w, day }) => (
          <text
            key={day}
            className="cc-Heatmap-label"
            x={LEFT + w * (CELL + GAP)}
            y={TOP - 5}
          >
            {new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, {
              month: 'short',
              timeZone: 'UTC'
            })}
          </text>
        ))}
        {weekdays.map(([d, label]) => (
          <text
            key={d}
            className="cc-Heatmap-label"
            x={0}
            y={TOP + d * (CELL + GAP) + CELL - 2}
          >
            {label}
          </text>
        ))}
        {columns.map((column, w) =>
          column.map((cell, d) =>
            cell.future ? null : (
              <rect
                key={cell.day}
                className={`cc-Heatmap-day cc-mod-level${level(cell.solved)}`}
                data-day={cell.day}
                data-solved={cell.solved}
                x={LEFT + w * (CELL + GAP)}
                y={TOP + d * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={2}
              >
                <title>{dayText(cell, trans)}</title>
              </rect>
            )
          )
        )}
      </svg>
      <div className="cc-Heatmap-legend" aria-hidden="true">
        <span>{trans.__('Less')}</span>
        {[0, 1, 2, 3, 4].map(n => (
          <svg key={n} width={CELL} height={CELL}>
            <rect
              className={`cc-Heatmap-day cc-mod-level${n}`}
              width={CELL}
              height={CELL}
              rx={2}
            />
          </svg>
        ))}
        <span>{trans.__('More')}</span>
      </div>
    </div>
  );
}
