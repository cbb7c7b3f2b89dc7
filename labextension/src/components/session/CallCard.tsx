/**
 * The session panel's Call card: the pre-flight check and "Join call"
 * before joining; the video tiles, controls and device pickers after.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { CallModel } from '../../callModel';
import { ICallDefaults, IDevice } from '../../callTypes';
import { useStateOf } from '../../hooks';
import { PreflightModel } from '../../preflight';
import { PreflightCheck } from './PreflightCheck';
import { VideoTile } from './VideoTile';

export interface ICallCardProps {
  model: CallModel;
  preflight: PreflightModel;
  defaults: () => ICallDefaults;
  /**
   * My name for my own tile.
   */
  myName: string;
  trans: TranslationBundle;
}

function DevicePicker(props: {
  label: string;
  devices: ReadonlyArray<IDevice>;
  value: string;
  onChange: (deviceId: string) => void;
  fallback: string;
}): JSX.Element {
  const id = useId();
  return (
    <span className="cc-CallCard-device">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className="cc-Select"
        value={props.value}
        disabled={props.devices.length === 0}
        onChange={event => props.onChange(event.target.value)}
      >
        {props.devices.length === 0 && <option value="">—</option>}
        {props.devices.map((device, i) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || `${props.fallback} ${i + 1}`}
          </option>
        ))}
      </select>
    </span>
  );
}

export function CallCard(props: ICallCardProps): JSX.Element {
  const { model, preflight, defaults, myName, trans } = props;
  const state = useStateOf(model);
  const headingId = useId();
  const { phase, flags } = state;
  const joined = phase === 'joined';
  const constraints = (): MediaStreamConstraints => {
    const d = defaults();
    return {
      audio: state.audioDeviceId
        ? { deviceId: { exact: state.audioDeviceId } }
        : true,
      video: d.camera
        ? state.videoDeviceId
          ? { deviceId: { exact: state.videoDeviceId } }
          : true
        : false
    };
  };

  return (
    <section
      className="cc-Card cc-CallCard"
      data-phase={phase}
      aria-labelledby={headingId}
    >
      <h3 className="cc-Card-title" id={headingId}>
        {trans.__('Call')}
        {joined && (
          <span className="cc-CallCard-count">
            {trans._n('%1 other person', '%1 other people', state.peers.length)}
          </span>
        )}
      </h3>
      {state.error && (
        <div className="cc-Error" role="alert">
          <span>{state.error}</span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={() => model.dismissError()}
          >
            {trans.__('Dismiss')}
          </button>
        </div>
      )}
      {!joined && (
        <>
          <PreflightCheck
            model={preflight}
            constraints={constraints}
            trans={trans}
          />
          <div className="cc-CallCard-join">
            <button
              type="button"
              className="cc-Button cc-mod-accept"
              disabled={phase === 'joining'}
              onClick={() => {
                preflight.stop();
                void model.join();
              }}
            >
              {phase === 'joining'
                ? trans.__('Joining…')
                : trans.__('Join call')}
            </button>
            {!state.channelUp && (
              <span className="cc-Hint">
                {trans.__('Waiting for the session connection…')}
              </span>
            )}
          </div>
        </>
      )}
      {joined && (
        <>
          <div className="cc-CallCard-tiles">
            <VideoTile
              stream={state.local}
              name={myName}
              local
              flags={flags}
              speaking={state.speaking}
              trans={trans}
            />
            {state.peers.map(peer => (
              <VideoTile
                key={peer.connectionId}
                stream={peer.stream}
                name={peer.user?.display_name ?? trans.__('Someone')}
                local={false}
                flags={peer.flags}
                speaking={peer.speaking}
                connectionState={peer.connectionState}
                quality={peer.quality}
                connectionId={peer.connectionId}
                username={peer.user?.username}
                trans={trans}
              />
            ))}
          </div>
          {state.peers.length === 0 && (
            <p className="cc-Hint" role="status">
              {trans.__('Nobody else is in the call yet.')}
            </p>
          )}
          <div
            className="cc-CallCard-controls"
            role="toolbar"
            aria-label={trans.__('Call controls')}
          >
            <button
              type="button"
              className="cc-Button"
              aria-pressed={flags.muted}
              onClick={() => model.toggleMute()}
            >
              {flags.muted ? trans.__('Unmute') : trans.__('Mute')}
            </button>
            <button
              type="button"
              className="cc-Button"
              aria-pressed={flags.cameraOff}
              onClick={() => {
                void model.toggleCamera();
              }}
            >
              {flags.cameraOff
                ? trans.__('Turn camera on')
                : trans.__('Turn camera off')}
            </button>
            <button
              type="button"
              className="cc-Button"
              aria-pressed={flags.sharing}
              disabled={!navigator.mediaDevices?.getDisplayMedia}
              onClick={() => {
                void model.toggleScreenShare();
              }}
            >
              {flags.sharing
                ? trans.__('Stop sharing')
                : trans.__('Share screen')}
            </button>
            <button
              type="button"
              className="cc-Button cc-mod-warn"
              onClick={() => model.leave()}
            >
              {trans.__('Leave call')}
            </button>
          </div>
          <div className="cc-CallCard-devices">
            <DevicePicker
              label={trans.__('Microphone')}
              devices={state.audioInputs}
              value={state.audioDeviceId}
              fallback={trans.__('Microphone')}
              onChange={id => {
                void model.selectDevice('audio', id);
              }}
            />
            <DevicePicker
              label={trans.__('Camera')}
              devices={state.videoInputs}
              value={state.videoDeviceId}
              fallback={trans.__('Camera')}
              onChange={id => {
                void model.selectDevice('video', id);
              }}
            />
          </div>
        </>
      )}
    </section>
  );
}
