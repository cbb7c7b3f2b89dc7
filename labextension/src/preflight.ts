/**
 * The pre-flight check before joining a call: the local camera preview,
 * the microphone level, and a WebRTC connection to the server's own test
 * peer (`/codecall/api/preflight`, codecall_jupyter/channel/preflight.py).
 *
 * The protocol: one `signal` offer to `server` with every ICE candidate in
 * the SDP (the server peer ignores trickled ones), a `signal` answer back;
 * over the data channel we open the server sends `ping N`, we answer
 * `pong N`; then `preflight.report` with the connection state, the round
 * trip and whether our audio and video arrived. The server echoes our media,
 * so an echoed video frame proves the camera works end to end.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { API_PATH } from './api';
import { ILevelMeter, levelMeter } from './levelMeter';

const GATHER_TIMEOUT_MS = 3_000;
const CHECK_TIMEOUT_MS = 20_000;
const LEVEL_INTERVAL_MS = 100;

export type PreflightStatus = 'idle' | 'running' | 'pass' | 'fail';

/**
 * What the server's peer reported.
 */
export interface IPreflightReport {
  connection: string;
  rtt_ms: number | null;
  samples: number;
  local_candidate: string | null;
  remote_candidate: string | null;
  audio: boolean;
  video: boolean;
}

export interface IPreflightState {
  status: PreflightStatus;
  preview: MediaStream | null;
  /**
   * The microphone's level, 0..1.
   */
  level: number;
  camera: boolean | null;
  microphone: boolean | null;
  report: IPreflightReport | null;
  /**
   * Why it failed, in plain words (already translated), or null.
   */
  problem: string | null;
}

export interface IPreflightMessages {
  noMedia: (reason: string) => string;
  noServer: string;
  timedOut: string;
  notConnected: (state: string) => string;
  noEcho: string;
}

function isReport(value: unknown): value is IPreflightReport {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { connection?: unknown }).connection === 'string'
  );
}

/**
 * One pre-flight check at a time, run again on demand.
 */
export class PreflightModel {
  constructor(
    settings: ServerConnection.ISettings,
    messages: IPreflightMessages
  ) {
    this._settings = settings;
    this._messages = messages;
  }

  get state(): IPreflightState {
    return this._state;
  }

  get stateChanged(): ISignal<this, IPreflightState> {
    return this._stateChanged;
  }

  /**
   * Run the check (from a click: the browser may ask for the camera).
   */
  async run(constraints: MediaStreamConstraints): Promise<void> {
    this.stop();
    const run = ++this._run;
    this._update({
      status: 'running',
      problem: null,
      report: null,
      camera: null,
      microphone: null,
      level: 0
    });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(constraints);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this._finish(run, this._messages.noMedia(reason));
      return;
    }
    if (run !== this._run) {
      stream.getTracks().forEach(track => track.stop());
      return;
    }
    this._stream = stream;
    this._context = new AudioContext();
    this._meter = levelMeter(this._context, stream);
    this._timer = window.setInterval(() => {
      this._update({ level: Math.min(1, (this._meter?.level() ?? 0) * 4) });
    }, LEVEL_INTERVAL_MS);
    this._update({
      preview: stream,
      camera: stream.getVideoTracks().length > 0,
      microphone: stream.getAudioTracks().length > 0
    });
    try {
      const report = await this._connect(run, stream);
      if (run !== this._run) {
        return;
      }
      this._update({ report });
      if (report.connection !== 'connected' || report.samples === 0) {
        this._finish(run, this._messages.notConnected(report.connection));
      } else if (
        (this._state.camera && !report.video) ||
        (this._state.microphone && !report.audio)
      ) {
        this._finish(run, this._messages.noEcho);
      } else {
        this._finish(run, null);
      }
    } catch (error) {
      this._finish(
        run,
        error instanceof Error ? error.message : this._messages.noServer
      );
    }
  }

  /**
   * Stop the check and release the camera and microphone.
   */
  stop(): void {
    this._run++;
    this._closeConnection();
    window.clearInterval(this._timer);
    this._meter?.dispose();
    this._meter = null;
    void this._context?.close();
    this._context = null;
    this._stream?.getTracks().forEach(track => track.stop());
    this._stream = null;
    if (this._state.status === 'running' || this._state.preview !== null) {
      this._update({
        status: this._state.status === 'running' ? 'idle' : this._state.status,
        preview: null,
        level: 0
      });
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this.stop();
    this._isDisposed = true;
    Signal.clearData(this);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  private _finish(run: number, problem: string | null): void {
    if (run !== this._run) {
      return;
    }
    this._closeConnection();
    this._update({ status: problem === null ? 'pass' : 'fail', problem });
  }

  private _closeConnection(): void {
    window.clearTimeout(this._deadline);
    if (this._socket) {
      this._socket.onmessage = null;
      this._socket.onclose = null;
      this._socket.close();
      this._socket = null;
    }
    this._pc?.close();
    this._pc = null;
  }

  private _connect(
    run: number,
    stream: MediaStream
  ): Promise<IPreflightReport> {
    return new Promise<IPreflightReport>((resolve, reject) => {
      let url = URLExt.join(this._settings.wsUrl, API_PATH, 'preflight');
      if (this._settings.token && this._settings.appendToken) {
        url += URLExt.objectToQueryString({ token: this._settings.token });
      }
      const socket = new this._settings.WebSocket(url);
      const pc = new RTCPeerConnection({ iceServers: [] });
      this._socket = socket;
      this._pc = pc;
      let settled = false;
      const fail = (message: string): void => {
        if (!settled) {
          settled = true;
          reject(new Error(message));
        }
      };
      this._deadline = window.setTimeout(
        () => fail(this._messages.timedOut),
        CHECK_TIMEOUT_MS
      );
      for (const track of stream.getTracks()) {
        pc.addTrack(track, stream);
      }
      const channel = pc.createDataChannel('preflight');
      channel.onmessage = event => {
        const text = String(event.data);
        if (text.startsWith('ping ')) {
          channel.send('pong ' + text.slice(5));
        }
      };
      socket.onclose = () => fail(this._messages.noServer);
      socket.onerror = () => fail(this._messages.noServer);
      socket.onmessage = event => {
        let message: { [key: string]: unknown };
        try {
          message = JSON.parse(String(event.data));
        } catch {
          return;
        }
        if (message.type === 'signal' && message.kind === 'answer') {
          const data = message.data as { sdp?: unknown };
          if (typeof data?.sdp === 'string') {
            pc.setRemoteDescription({ type: 'answer', sdp: data.sdp }).catch(
              error => fail(String(error))
            );
          }
        } else if (message.type === 'preflight.report' && isReport(message)) {
          if (!settled) {
            settled = true;
            resolve(message);
          }
        } else if (message.type === 'error') {
          fail(String(message.message ?? this._messages.noServer));
        }
      };
      socket.onopen = async () => {
        try {
          await pc.setLocalDescription(await pc.createOffer());
          await this._gathered(pc);
          const local = pc.localDescription;
          if (run !== this._run || local === null) {
            return;
          }
          socket.send(
            JSON.stringify({
              type: 'signal',
              to: 'server',
              kind: 'offer',
              data: { type: local.type, sdp: local.sdp }
            })
          );
        } catch (error) {
          fail(String(error));
        }
      };
    });
  }

  /**
   * Wait until every ICE candidate is in the local description (or a few
   * seconds: what was gathered by then is sent).
   */
  private _gathered(pc: RTCPeerConnection): Promise<void> {
    if (pc.iceGatheringState === 'complete') {
      return Promise.resolve();
    }
    return new Promise<void>(resolve => {
      const timer = window.setTimeout(resolve, GATHER_TIMEOUT_MS);
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') {
          window.clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  private _update(change: Partial<IPreflightState>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...change };
    this._stateChanged.emit(this._state);
  }

  private _settings: ServerConnection.ISettings;
  private _messages: IPreflightMessages;
  private _run = 0;
  private _socket: WebSocket | null = null;
  private _pc: RTCPeerConnection | null = null;
  private _stream: MediaStream | null = null;
  private _context: AudioContext | null = null;
  private _meter: ILevelMeter | null = null;
  private _timer = 0;
  private _deadline = 0;
  private _isDisposed = false;
  private _state: IPreflightState = {
    status: 'idle',
    preview: null,
    level: 0,
    camera: null,
    microphone: null,
    report: null,
    problem: null
  };
  private _stateChanged = new Signal<this, IPreflightState>(this);
}
