/**
 * One tile of the call: a person's video (or their initial when the camera
 * is off), name, speaking ring, muted badge and connection quality.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useRef } from 'react';

import { IMediaFlags, IQuality } from '../../callTypes';

export interface IVideoTileProps {
  stream: MediaStream | null;
  name: string;
  local: boolean;
  flags: IMediaFlags;
  speaking: boolean;
  /**
   * The peer connection's state (remote tiles).
   */
  connectionState?: RTCPeerConnectionState;
  quality?: IQuality;
  connectionId?: string;
  username?: string;
  trans: TranslationBundle;
}

function qualityLabel(
  quality: IQuality,
  trans: TranslationBundle
): { text: string; bars: number } {
  const parts: string[] = [];
  if (quality.rttMs !== null) {
    parts.push(trans.__('round trip %1 ms', quality.rttMs));
  }
  if (quality.lossPct !== null) {
    parts.push(trans.__('%1% packets lost', quality.lossPct));
  }
  const details = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  switch (quality.level) {
    case 'good':
      return { text: trans.__('Connection good') + details, bars: 3 };
    case 'fair':
      return { text: trans.__('Connection fair') + details, bars: 2 };
    case 'poor':
      return { text: trans.__('Connection poor') + details, bars: 1 };
    default:
      return { text: trans.__('Connection not measured yet'), bars: 0 };
  }
}

function stateLabel(
  state: RTCPeerConnectionState,
  trans: TranslationBundle
): string {
  switch (state) {
    case 'new':
    case 'connecting':
      return trans.__('Connecting…');
    case 'connected':
      return trans.__('Connected');
    case 'disconnected':
      return trans.__('Connection interrupted, reconnecting…');
    case 'failed':
      return trans.__('Connection failed, retrying…');
    case 'closed':
      return trans.__('Left');
    default:
      return state;
  }
}

export function VideoTile(props: IVideoTileProps): JSX.Element {
  const {
    stream,
    name,
    local,
    flags,
    speaking,
    connectionState,
    quality,
    connectionId,
    username,
    trans
  } = props;
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (element && element.srcObject !== stream) {
      element.srcObject = stream;
      if (stream) {
        element.play().catch(() => undefined);
      }
    }
  }, [stream]);
  const hasVideo =
    stream !== null &&
    stream.getVideoTracks().length > 0 &&
    !(flags.cameraOff && !flags.sharing);
  const pictureInPicture = async (): Promise<void> => {
    const element = video.current;
    if (!element) {
      return;
    }
    if (document.pictureInPictureElement === element) {
      await document.exitPictureInPicture();
    } else {
      await element.requestPictureInPicture();
    }
  };
  const q = quality ? qualityLabel(quality, trans) : null;
  const label = local ? trans.__('%1 (you)', name) : name;
  return (
    <figure
      className="cc-VideoTile"
      data-local={local ? 'true' : 'false'}
      data-connection-id={connectionId}
      data-username={username}
      data-state={connectionState}
      data-muted={flags.muted ? 'true' : 'false'}
      data-camera-off={flags.cameraOff ? 'true' : 'false'}
      data-sharing={flags.sharing ? 'true' : 'false'}
      data-speaking={speaking ? 'true' : 'false'}
      data-quality={quality?.level}
      aria-label={label}
    >
      <div className="cc-VideoTile-frame">
        <video
          ref={video}
          className="cc-VideoTile-video"
          autoPlay
          playsInline
          muted={local}
          hidden={!hasVideo}
          aria-label={trans.__('Video of %1', name)}
        />
        {!hasVideo && (
          <div className="cc-VideoTile-placeholder" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </div>
        )}
        {flags.muted && (
          <span className="cc-VideoTile-badge cc-mod-muted" role="status">
            {trans.__('Muted')}
          </span>
        )}
        {flags.sharing && (
          <span className="cc-VideoTile-badge cc-mod-sharing">
            {trans.__('Sharing screen')}
          </span>
        )}
      </div>
      <figcaption className="cc-VideoTile-caption">
        <span className="cc-VideoTile-name">{label}</span>
        {connectionState && connectionState !== 'connected' && (
          <span className="cc-VideoTile-state" role="status">
            {stateLabel(connectionState, trans)}
          </span>
        )}
        {q && (
          <span
            className="cc-VideoTile-quality"
            data-bars={q.bars}
            role="img"
            aria-label={q.text}
            title={q.text}
          >
            <span className="cc-VideoTile-bar" />
            <span className="cc-VideoTile-bar" />
            <span className="cc-VideoTile-bar" />
          </span>
        )}
        {!local && (
          <button
            type="button"
            className="cc-Button cc-mod-small"
            disabled={!hasVideo || !document.pictureInPictureEnabled}
            onClick={() => {
              void pictureInPicture().catch(() => undefined);
            }}
            aria-label={trans.__('Picture-in-picture: %1', name)}
            title={trans.__('Picture-in-picture')}
          >
            {trans.__('PiP')}
          </button>
        )}
      </figcaption>
    </figure>
  );
}
