/**
 * The content of the Progress panel: headline numbers, solved per
 * difficulty and per tag, the last twelve weeks, and past sessions.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { RemoteView } from './components/RemoteView';
import { ActivityCalendar } from './components/progress/ActivityCalendar';
import { PastSessions } from './components/progress/PastSessions';
import { IBar, SolvedBars } from './components/progress/SolvedBars';
import { StatTiles } from './components/progress/StatTiles';
import { useStateOf } from './hooks';
import { difficultyLabel } from './problemLabels';
import { DIFFICULTIES, IPastSession, ISolvedCount } from './problemTypes';
import { ProgressModel } from './progressModel';

export const ACTIVITY_WEEKS = 12;

export interface IProgressViewProps {
  model: ProgressModel;
  openReplay: (session: IPastSession) => void;
  trans: TranslationBundle;
}

function Card(props: {
  title: string;
  className: string;
  children: React.ReactNode;
}): JSX.Element {
  const id = useId();
  return (
    <section className={`cc-Card ${props.className}`} aria-labelledby={id}>
      <h3 id={id} className="cc-Card-title">
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}

function summary(
  title: string,
  bars: ReadonlyArray<IBar>,
  trans: TranslationBundle
): string {
  const parts = bars.map(bar =>
    trans.__('%1 %2 of %3', bar.label, bar.solved, bar.total)
  );
  return trans.__('%1: %2.', title, parts.join(', '));
}

function ProgressViewComponent(props: IProgressViewProps): JSX.Element {
  const { model, openReplay, trans } = props;
  const progress = useStateOf(model.progress);
  const sessions = useStateOf(model.sessions);
  const countText = (bar: IBar): string =>
    trans.__('%1 / %2', bar.solved, bar.total);
  const difficultyBars = (counts: ISolvedCount[]): IBar[] =>
    counts
      .filter(c => (DIFFICULTIES as readonly string[]).includes(c.key))
      .map(c => ({
        key: c.key,
        label: difficultyLabel(c.key as (typeof DIFFICULTIES)[number], trans),
        solved: c.solved,
        total: c.total
      }));
  const byTag: IBar[] = (progress.data?.by_tag ?? []).map(c => ({
    ...c,
    label: c.key
  }));

  return (
    <div className="cc-ProgressView">
      <h2 className="cc-ProblemsView-title">{trans.__('My progress')}</h2>
      <RemoteView
        state={progress}
        trans={trans}
        loadingText={trans.__('Loading your progress…')}
        emptyText=""
        isEmpty={() => false}
        onRetry={() => void model.progress.refresh()}
      >
        {data => {
          const byDifficulty = difficultyBars(data.by_difficulty);
          return (
            <>
              <StatTiles progress={data} trans={trans} />
              <div className="cc-ProgressView-charts">
                <Card
                  title={trans.__('Solved by difficulty')}
                  className="cc-ProgressCard"
                >
                  <SolvedBars
                    bars={byDifficulty}
                    summary={summary(
                      trans.__('Problems solved by difficulty'),
                      byDifficulty,
                      trans
                    )}
                    countText={countText}
                  />
                </Card>
                <Card
                  title={trans.__('Last %1 weeks', ACTIVITY_WEEKS)}
                  className="cc-ProgressCard"
                >
                  <ActivityCalendar
                    days={data.days}
                    weeks={ACTIVITY_WEEKS}
                    now={Date.now()}
                    trans={trans}
                  />
                </Card>
              </div>
            </>
          );
        }}
      </RemoteView>
      <Card title={trans.__('Past sessions')} className="cc-PastSessionsCard">
        <RemoteView
          state={sessions}
          trans={trans}
          loadingText={trans.__('Loading your sessions…')}
          emptyText={trans.__(
            'Sessions you took part in show here once they end.'
          )}
          isEmpty={list => list.length === 0}
          onRetry={() => void model.sessions.refresh()}
        >
          {list => (
            <PastSessions
              sessions={list}
              openReplay={openReplay}
              trans={trans}
            />
          )}
        </RemoteView>
      </Card>
      {byTag.length > 0 && (
        <Card title={trans.__('Solved by tag')} className="cc-ProgressCard">
          <SolvedBars
            bars={byTag}
            summary={summary(trans.__('Problems solved by tag'), byTag, trans)}
            countText={countText}
          />
        </Card>
      )}
    </div>
  );
}

/**
 * The content of the Progress panel.
 */
export class ProgressView extends ReactWidget {
  constructor(props: IProgressViewProps) {
    super();
    this._props = props;
    this.addClass('cc-ProgressPanel');
  }

  protected render(): JSX.Element {
    return <ProgressViewComponent {...this._props} />;
  }

  private _props: IProgressViewProps;
}
