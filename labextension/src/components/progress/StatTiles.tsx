/**
 * The headline numbers of my progress.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IProgress } from '../../problemTypes';

export interface IStatTilesProps {
  progress: IProgress;
  trans: TranslationBundle;
}

export function StatTiles(props: IStatTilesProps): JSX.Element {
  const { progress, trans } = props;
  const tiles: Array<[string, string, string]> = [
    ['solved', trans.__('Solved'), String(progress.solved)],
    ['attempted', trans.__('Attempted'), String(progress.attempted)],
    [
      'current-streak',
      trans.__('Current streak'),
      trans._n('%1 day', '%1 days', progress.current_streak)
    ],
    [
      'longest-streak',
      trans.__('Longest streak'),
      trans._n('%1 day', '%1 days', progress.longest_streak)
    ]
  ];
  return (
    <dl className="cc-StatTiles">
      {tiles.map(([name, label, value]) => (
        <div key={name} className="cc-StatTile" data-stat={name}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
