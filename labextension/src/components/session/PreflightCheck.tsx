/**
 * The pre-flight check shown before joining a call: camera preview,
 * microphone level, and the connection test against the server's peer,
 * reported in plain words.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useRef } from 'react';

import { useStateOf } from '../../hooks';
import { PreflightModel } from '../../preflight';

export interface IPreflightCheckProps {
  model: PreflightModel;
  constraints: () => MediaStreamConstraints;
  trans: TranslationBundle;
}

function candidateWords(
  type: string | null,
  trans: TranslationBundle
): string | null {
  switch (type) {
    case 'host':
      return trans.__('a direct connection');
    case 'srflx':
    case 'prflx':
      return trans.__('a connection through your router (STUN)');
    case 'relay':
      return trans.__('a relayed connection (TURN)');
    default:
      return null;
  }
}

export function PreflightCheck(props: IPreflightCheckProps): JSX.Element {
  const { model, constraints, trans } = props;
  const state = useStateOf(model);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== state.preview) {
      video.current.srcObject = state.preview;
    }
  }, [state.preview]);
  useEffect(() => () => model.stop(), [model]);

  const { status, report } = state;
  const lines: string[] = [];
  if (state.camera !== null) {
    lines.push(
      state.camera
        ? trans.__('Camera: working.')
        : trans.__('Camera: none found.')
    );
  }
  if (state.microphone !== null) {
    lines.push(
      state.microphone
        ? trans.__('Microphone: working.')
        : trans.__('Microphone: none found.')
    );
  }
  if (status === 'pass' && report) {
    const via = candidateWords(report.local_candidate, trans);
    lines.push(
      report.rtt_ms !== null
        ? trans.__(
            'Connection: passed, the server answered in %1 ms.',
            Math.round(report.rtt_ms)
          )
        : trans.__('Connection: passed.')
    );
    if (via) {
      lines.push(trans.__('Your video would go over %1.', via));
    }
  }
  const verdict =
    status === 'pass'
      ? trans.__('Check passed: you are ready to join.')
      : status === 'fail'
        ? trans.__('Check failed: %1', state.problem ?? '')
        : status === 'running'
          ? trans.__('Checking your camera, microphone and connection…')
          : trans.__(
              'Check your camera, microphone and connection before joining.'
            );

  return (
    <section
      className="cc-Preflight"
      data-result={status}
      aria-label={trans.__('Pre-flight check')}
    >
      <div className="cc-Preflight-media">
        <video
          ref={video}
          className="cc-Preflight-preview"
          autoPlay
          playsInline
          muted
          hidden={state.preview === null}
          aria-label={trans.__('Your camera preview')}
        />
        {state.preview !== null && (
          <div className="cc-Preflight-level">
            <span>{trans.__('Microphone level')}</span>
            <meter
              min={0}
              max={1}
              low={0.05}
              value={state.level}
              aria-label={trans.__('Microphone level')}
            />
          </div>
        )}
      </div>
      <div className="cc-Preflight-report">
        <p
          className={`cc-Preflight-verdict cc-mod-${status}`}
          role="status"
          aria-live="polite"
        >
          {verdict}
        </p>
        {lines.length > 0 && (
          <ul className="cc-Preflight-lines">
            {lines.map(line => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <div className="cc-Preflight-actions">
          <button
            type="button"
            className="cc-Button cc-mod-small"
            disabled={status === 'running'}
            onClick={() => {
              void model.run(constraints());
            }}
          >
            {status === 'idle'
              ? trans.__('Check camera and microphone')
              : trans.__('Check again')}
          </button>
          {state.preview !== null && status !== 'running' && (
            <button
              type="button"
              className="cc-Button cc-mod-small"
              onClick={() => model.stop()}
            >
              {trans.__('Stop the preview')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
