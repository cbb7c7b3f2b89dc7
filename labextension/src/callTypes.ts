/**
 * The call's public types: who is in it, their media flags and connection
 * quality, the state the call card renders, and the model's options.
 */
import { ServerConnection } from '@jupyterlab/services';

/**
 * The public fields of a user as the channel sends them.
 */
export interface ICallUser {
  id: number;
  username: string;
  display_name: string;
  color?: string;
}

/**
 * What a peer tells the others about its media.
 */
export interface IMediaFlags {
  muted: boolean;
  cameraOff: boolean;
  sharing: boolean;
}

export type QualityLevel = 'unknown' | 'good' | 'fair' | 'poor';

export interface IQuality {
  level: QualityLevel;
  /**
   * The round trip of the connection (ms), when measured.
   */
  rttMs: number | null;
  /**
   * Packets lost of those expected in the last interval (percent).
   */
  lossPct: number | null;
}

export interface ICallPeer {
  connectionId: string;
  user: ICallUser | null;
  connectionState: RTCPeerConnectionState;
  stream: MediaStream | null;
  flags: IMediaFlags;
  speaking: boolean;
  quality: IQuality;
}

export type CallPhase = 'idle' | 'joining' | 'joined';

export interface ICallState {
  phase: CallPhase;
  /**
   * The last error in plain words (media refused, no channel, ...).
   */
  error: string | null;
  local: MediaStream | null;
  flags: IMediaFlags;
  speaking: boolean;
  peers: ReadonlyArray<ICallPeer>;
  audioInputs: ReadonlyArray<IDevice>;
  videoInputs: ReadonlyArray<IDevice>;
  audioDeviceId: string;
  videoDeviceId: string;
  /**
   * Whether the session channel is connected (signaling possible).
   */
  channelUp: boolean;
}

export interface IDevice {
  deviceId: string;
  label: string;
}

export interface ICallDefaults {
  camera: boolean;
  microphone: boolean;
}

export interface ICallModelOptions {
  serverSettings: ServerConnection.ISettings;
  sessionId: string;
  /**
   * Camera and microphone on when joining (the settings).
   */
  defaults: () => ICallDefaults;
  /**
   * Messages in plain words (already translated).
   */
  messages: {
    mediaRefused: (reason: string) => string;
    noChannel: string;
    shareFailed: (reason: string) => string;
  };
}

/**
 * Not muted, camera on, not sharing: a peer's flags until it says
 * otherwise, and mine outside the call.
 */
export const NO_FLAGS: IMediaFlags = {
  muted: false,
  cameraOff: false,
  sharing: false
};
