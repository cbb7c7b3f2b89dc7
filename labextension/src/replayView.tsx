/**
 * The content of a replay panel: pick a document of the session, move
 * through the session's time with the scrubber or the player, and see the
 * document as it was. Runs, chat messages and activity are markers on the
 * timeline.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useMemo } from 'react';

import { NameBook, describeEvent } from './activity';
import { WhiteboardPreview } from './components/replay/WhiteboardPreview';
import { useStateOf } from './hooks';
import { IReplayState, ReplayModel, SPEEDS, Speed } from './replayModel';
import { IReplayDocument, IReplayTimeline } from './replayTypes';

/**
 * "m:ss" (or "h:mm:ss") of a number of seconds.
 */
export function formatOffset(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function clock(at: number): string {
  return new Date(at * 1000).toLocaleTimeString();
}

function documentLabel(doc: IReplayDocument, trans: TranslationBundle): string {
  const name = doc.name ?? doc.path ?? doc.file_id;
  return doc.type === 'file' ? name : trans.__('%1 (%2)', name, doc.type);
}

type MarkerKind = 'run' | 'chat' | 'event';

interface IMarker {
  key: string;
  kind: MarkerKind;
  at: number;
  title: string;
}

function markersOf(
  timeline: IReplayTimeline,
  trans: TranslationBundle
): IMarker[] {
  const people = new Map(timeline.people.map(p => [p.id, p]));
  const names = new NameBook(timeline.people);
  const name = (id: number | null): string =>
    (id === null ? undefined : people.get(id)?.display_name) ??
    trans.__('Someone');
  const markers: IMarker[] = [];
  for (const run of timeline.runs) {
    markers.push({
      key: `run-${run.id}`,
      kind: 'run',
      at: run.at,
      title: run.verdict
        ? trans.__('%1 ran %2: %3', name(run.user_id), run.entry, run.verdict)
        : trans.__('%1 ran %2', name(run.user_id), run.entry)
    });
  }
  for (const message of timeline.chat) {
    const text =
      message.text.length > 120
        ? `${message.text.slice(0, 117)}…`
        : message.text;
    markers.push({
      key: `chat-${message.id}`,
      kind: 'chat',
      at: message.at,
      title: message.deleted
        ? trans.__('%1 wrote a message (deleted)', name(message.author_id))
        : trans.__('%1: %2', name(message.author_id), text)
    });
  }
  for (const event of timeline.events) {
    const actor =
      event.actor_id === null ? null : (people.get(event.actor_id) ?? null);
    markers.push({
      key: `event-${event.id}`,
      kind: 'event',
      at: event.at,
      title: describeEvent(
        {
          id: event.id,
          kind: event.kind,
          actor,
          data: event.data,
          created_at: new Date(event.at * 1000).toISOString()
        },
        names,
        trans
      )
    });
  }
  return markers.sort((a, b) => a.at - b.at);
}

function markerKindLabel(kind: MarkerKind, trans: TranslationBundle): string {
  switch (kind) {
    case 'run':
      return trans.__('Run');
    case 'chat':
      return trans.__('Chat');
    default:
      return trans.__('Activity');
  }
}

interface IDocumentViewProps {
  state: IReplayState;
  doc: IReplayDocument | null;
  trans: TranslationBundle;
}

function DocumentView(props: IDocumentViewProps): JSX.Element {
  const { state, doc, trans } = props;
  const shown = state.doc.state;
  if (doc === null) {
    return (
      <p className="cc-Hint">
        {trans.__('Nobody edited a document in this session.')}
      </p>
    );
  }
  const fresh = shown !== null && shown.room === doc.room;
  return (
    <div
      className="cc-ReplayDocument"
      data-status={state.doc.status}
      aria-busy={state.doc.status === 'loading'}
    >
      {state.doc.status === 'error' && (
        <div className="cc-Error" role="alert">
          {trans.__('Could not load the document: %1', state.doc.error)}
        </div>
      )}
      {fresh && shown.upto_id === 0 ? (
        <p className="cc-Hint" role="status">
          {trans.__('Nobody had edited this document yet at this moment.')}
        </p>
      ) : fresh && shown.upto_at !== null ? (
        <p className="cc-Hint cc-ReplayDocument-meta" role="status">
          {shown.author
            ? trans.__(
                'Last change before this moment: %1, by %2',
                clock(shown.upto_at),
                shown.author.display_name
              )
            : trans.__(
                'Last change before this moment: %1',
                clock(shown.upto_at)
              )}
        </p>
      ) : null}
      {!fresh ? (
        <p className="cc-Hint">{trans.__('Loading…')}</p>
      ) : typeof shown.content === 'string' ? (
        <pre
          className="cc-ReplayCode"
          tabIndex={0}
          aria-label={trans.__('%1 at this moment', documentLabel(doc, trans))}
        >
          {shown.content}
        </pre>
      ) : doc.type === 'whiteboard' ? (
        <WhiteboardPreview content={shown.content} trans={trans} />
      ) : (
        <pre className="cc-ReplayCode" tabIndex={0}>
          {JSON.stringify(shown.content, null, 2)}
        </pre>
      )}
    </div>
  );
}

export interface IReplayViewProps {
  model: ReplayModel;
  trans: TranslationBundle;
}

function ReplayViewComponent(props: IReplayViewProps): JSX.Element {
  const { model, trans } = props;
  const state = useStateOf(model);
  const docId = useId();
  const speedId = useId();
  const skipId = useId();
  const scrubberId = useId();
  const { timeline } = state;
  const markers = useMemo(
    () => (timeline ? markersOf(timeline, trans) : []),
    [timeline, trans]
  );

  if (timeline === null) {
    return (
      <div className="cc-Replay">
        {state.status === 'error' ? (
          <div className="cc-Error" role="alert">
            <span>
              {trans.__('Could not load the replay: %1', state.error)}
            </span>
            <button
              type="button"
              className="cc-Button cc-mod-small"
              onClick={() => {
                void model.load();
              }}
            >
              {trans.__('Retry')}
            </button>
          </div>
        ) : (
          <p className="cc-Hint" role="status">
            {trans.__('Loading the replay…')}
          </p>
        )}
      </div>
    );
  }

  const bounds = model.bounds;
  const doc = timeline.documents.find(d => d.room === state.room) ?? null;
  if (bounds === null) {
    return (
      <div className="cc-Replay">
        <p className="cc-Hint">
          {trans.__('Nothing happened in this session yet.')}
        </p>
      </div>
    );
  }
  // Milliseconds are precision enough (and keep the values readable).
  const duration = Math.round((bounds.end - bounds.start) * 1000) / 1000;
  const offset = Math.round((state.at - bounds.start) * 1000) / 1000;
  const position = (at: number): string =>
    duration > 0 ? `${((at - bounds.start) / duration) * 100}%` : '0%';
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    const big = event.shiftKey ? 10 : 1;
    let to: number | null = null;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        to = state.at - big;
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        to = state.at + big;
        break;
      case 'PageDown':
        to = state.at - 10;
        break;
      case 'PageUp':
        to = state.at + 10;
        break;
      case 'Home':
        to = bounds.start;
        break;
      case 'End':
        to = bounds.end;
        break;
      default:
        return;
    }
    event.preventDefault();
    model.seek(to);
  };

  return (
    <div className="cc-Replay" data-playing={state.playing}>
      <div className="cc-Replay-controls">
        <label htmlFor={docId}>{trans.__('Document')}</label>
        <select
          id={docId}
          className="cc-Select"
          value={state.room ?? ''}
          onChange={event => model.setRoom(event.target.value)}
        >
          {timeline.documents.map(d => (
            <option key={d.room} value={d.room}>
              {documentLabel(d, trans)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="cc-Button cc-mod-accept cc-Replay-play"
          aria-pressed={state.playing}
          onClick={() => (state.playing ? model.pause() : model.play())}
        >
          {state.playing ? trans.__('Pause') : trans.__('Play')}
        </button>
        <label htmlFor={speedId}>{trans.__('Speed')}</label>
        <select
          id={speedId}
          className="cc-Select cc-mod-small"
          value={state.speed}
          onChange={event =>
            model.setSpeed(Number(event.target.value) as Speed)
          }
        >
          {SPEEDS.map(speed => (
            <option key={speed} value={speed}>
              {trans.__('%1×', speed)}
            </option>
          ))}
        </select>
        <label className="cc-Choice" htmlFor={skipId}>
          <input
            id={skipId}
            type="checkbox"
            checked={state.skipIdle}
            onChange={event => model.setSkipIdle(event.target.checked)}
          />
          <span>{trans.__('Skip idle')}</span>
        </label>
        <span className="cc-Replay-time" aria-live="off">
          {trans.__(
            '%1 / %2 (%3)',
            formatOffset(offset),
            formatOffset(duration),
            clock(state.at)
          )}
        </span>
      </div>
      <div className="cc-Replay-timeline">
        <div className="cc-Replay-gaps" aria-hidden="true">
          {timeline.gaps.map(gap => (
            <span
              key={gap.start}
              className="cc-Replay-gap"
              style={{
                left: position(gap.start),
                width:
                  duration > 0
                    ? `${((gap.end - gap.start) / duration) * 100}%`
                    : '0%'
              }}
            />
          ))}
        </div>
        <input
          id={scrubberId}
          className="cc-Replay-scrubber"
          type="range"
          min={0}
          max={duration}
          step="any"
          value={offset}
          aria-label={trans.__('Moment of the replay')}
          aria-valuetext={trans.__(
            '%1 of %2',
            formatOffset(offset),
            formatOffset(duration)
          )}
          onKeyDown={onKeyDown}
          onChange={event =>
            model.seek(bounds.start + Number(event.target.value))
          }
        />
        <div
          className="cc-Replay-markers"
          role="group"
          aria-label={trans.__('What happened')}
        >
          {markers.map(marker => {
            const label = trans.__(
              '%1 at %2: %3',
              markerKindLabel(marker.kind, trans),
              formatOffset(marker.at - bounds.start),
              marker.title
            );
            return (
              <button
                key={marker.key}
                type="button"
                className="cc-Replay-marker"
                data-kind={marker.kind}
                style={{ left: position(marker.at) }}
                title={label}
                aria-label={label}
                onClick={() => model.seek(marker.at, { immediate: true })}
              />
            );
          })}
        </div>
      </div>
      <div className="cc-Replay-legend" aria-hidden="true">
        {(['run', 'chat', 'event'] as MarkerKind[]).map(kind => (
          <span key={kind} className="cc-Replay-legendItem" data-kind={kind}>
            {markerKindLabel(kind, trans)}
          </span>
        ))}
      </div>
      <DocumentView state={state} doc={doc} trans={trans} />
    </div>
  );
}

/**
 * The content of a replay panel.
 */
export class ReplayView extends ReactWidget {
  constructor(props: IReplayViewProps) {
    super();
    this._props = props;
    this.addClass('cc-ReplayPanel');
  }

  protected render(): JSX.Element {
    return <ReplayViewComponent {...this._props} />;
  }

  private _props: IReplayViewProps;
}
