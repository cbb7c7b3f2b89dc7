/**
 * A bar chart of problems solved out of the problems there are, one bar
 * per group (difficulty or tag), drawn as SVG; its accessible name says
 * every number.
 */
import React from 'react';

export interface IBar {
  key: string;
  label: string;
  solved: number;
  total: number;
}

export interface ISolvedBarsProps {
  bars: ReadonlyArray<IBar>;
  /**
   * The chart's summary, e.g. "Solved per difficulty: Easy 2 of 10, …".
   */
  summary: string;
  /**
   * The text of one bar's count, e.g. "2 / 10".
   */
  countText: (bar: IBar) => string;
}

const WIDTH = 480;
const LABEL = 132;
const COUNT = 64;
const ROW = 24;
const BAR = 14;

export function SolvedBars(props: ISolvedBarsProps): JSX.Element {
  const { bars, summary, countText } = props;
  const track = WIDTH - LABEL - COUNT;
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <svg
      className="cc-BarChart"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      style={{ maxWidth: WIDTH, maxHeight: height }}
    >
      {bars.map((bar, i) => {
        const y = i * ROW + (ROW - BAR) / 2;
        const share = bar.total > 0 ? Math.min(1, bar.solved / bar.total) : 0;
        return (
          <g key={bar.key} className="cc-BarChart-row" data-key={bar.key}>
            <title>{`${bar.label}: ${countText(bar)}`}</title>
            <text
              className="cc-BarChart-label"
              x={LABEL - 8}
              y={i * ROW + ROW / 2}
              textAnchor="end"
              dominantBaseline="central"
            >
              {bar.label}
            </text>
            <rect
              className="cc-BarChart-track"
              x={LABEL}
              y={y}
              width={track}
              height={BAR}
              rx={2}
            />
            {share > 0 && (
              <rect
                className="cc-BarChart-bar"
                x={LABEL}
                y={y}
                width={Math.max(2, track * share)}
                height={BAR}
                rx={2}
              />
            )}
            <text
              className="cc-BarChart-count"
              x={WIDTH - COUNT + 8}
              y={i * ROW + ROW / 2}
              dominantBaseline="central"
            >
              {countText(bar)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
