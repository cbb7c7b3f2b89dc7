/**
 * The session's audio/video call: a full mesh of RTCPeerConnections, one
 * per other connection in the call, signaled through the session channel
 * (`signal` messages; the server only relays, docs/CHANNEL.md).
 *
 * Negotiation follows the "perfect negotiation" pattern: the side with the
 * smaller connection id is polite (it rolls back its own offer on a
 * collision), the other impolite. Who starts a pair is fixed too, so two
 * people joining at once never make two offers for one pair: a newcomer
 * announces itself (`renegotiate` with `call: "join"`); the impolite side of
 * each pair makes the first offer, the polite side answers the announcement
 * with `call: "ready"` so the impolite one starts.
 *
 * Each pair has two transceivers (audio, video) set up by the first offer;
 * turning the camera on or off, changing devices and sharing the screen only
 * replace the sending tracks, so they need no renegotiation. Mute, camera
 * and sharing state travel over a negotiated data channel.
 *
 * This module is the mesh (who to meet, the signals), my media and the
 * public API; one peer's connection is `peerConnection.ts`.
 */
import { ServerConnection } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { QUALITY_INTERVAL_MS } from './callQuality';
import {
  CallPhase,
  ICallDefaults,
  ICallModelOptions,
  ICallPeer,
  ICallState,
  ICallUser,
  IDevice,
  IMediaFlags,
  NO_FLAGS
} from './callTypes';
import { iceServers } from './iceServers';
import {
  ILevelMeter,
  isSpeaking,
  levelMeter,
  SPEAKING_INTERVAL_MS
} from './levelMeter';
import { PeerConnection } from './peerConnection';
import { IChannelMessage, SessionChannel } from './sessionChannel';

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.name && error.name !== 'Error'
      ? `${error.name}: ${error.message}`
      : error.message;
  }
  return String(error);
}

/**
 * The call of one session panel.
 */
export class CallModel {
  constructor(options: ICallModelOptions) {
    this._settings = options.serverSettings;
    this._sessionId = options.sessionId;
    this._defaults = options.defaults;
    this._messages = options.messages;
  }

  /**
   * Signal through the panel's channel (made after the panel's content).
   */
  setChannel(channel: SessionChannel): void {
    this._channel?.received.disconnect(this._onMessage, this);
    this._channel?.connectionChanged.disconnect(this._onConnection, this);
    this._channel = channel;
    channel.received.connect(this._onMessage, this);
    channel.connectionChanged.connect(this._onConnection, this);
    this._update({ channelUp: channel.isConnected });
  }

  private get _myId(): string | null {
    return this._channel?.connectionId ?? null;
  }

  get state(): ICallState {
    return this._state;
  }

  get stateChanged(): ISignal<this, ICallState> {
    return this._stateChanged;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * The names of the connections in the session (for the tiles).
   */
  userOf(connectionId: string): ICallUser | null {
    return this._inside.get(connectionId) ?? null;
  }

  /**
   * Join the call: ask for the camera and microphone (from a click, so the
   * browser's prompt is allowed), then announce myself to the session.
   */
  async join(): Promise<void> {
    if (this._state.phase !== 'idle' || this._isDisposed) {
      return;
    }
    const defaults = this._defaults();
    this._flags = {
      muted: !defaults.microphone,
      cameraOff: !defaults.camera,
      sharing: false
    };
    this._update({ phase: 'joining', error: null });
    // One of the two may be missing or refused: join with the other.
    let problem: unknown = null;
    try {
      this._context = new AudioContext();
      this._local = new MediaStream();
      try {
        await this._acquire('audio');
      } catch (error) {
        problem = error;
        this._flags = { ...this._flags, muted: true };
      }
      if (!this._flags.cameraOff) {
        try {
          await this._acquire('video');
        } catch (error) {
          problem = problem ?? error;
          this._flags = { ...this._flags, cameraOff: true };
        }
      }
      if (problem !== null && this._local.getTracks().length === 0) {
        throw problem;
      }
      await this._listDevices();
      this._ice = await iceServers(this._settings, this._sessionId);
    } catch (error) {
      this._stopLocal();
      this._update({
        phase: 'idle',
        error: this._messages.mediaRefused(describe(error))
      });
      return;
    }
    if (this._isDisposed || (this._state.phase as CallPhase) !== 'joining') {
      this._stopLocal();
      return;
    }
    this._applyMute();
    this._localMeter =
      this._context && this._local
        ? levelMeter(this._context, this._local)
        : null;
    this._meterTimer = window.setInterval(
      () => this._measureSpeaking(),
      SPEAKING_INTERVAL_MS
    );
    this._qualityTimer = window.setInterval(
      () => void this._measureQuality(),
      QUALITY_INTERVAL_MS
    );
    this._update({
      phase: 'joined',
      local: this._local,
      flags: { ...this._flags }
    });
    this._announce();
    if (problem !== null) {
      this._update({ error: this._messages.mediaRefused(describe(problem)) });
    } else if (!this._channel?.isConnected) {
      this._update({ error: this._messages.noChannel });
    }
  }

  /**
   * Leave the call: say goodbye to every peer, close them and stop every
   * track (the camera light goes out).
   */
  leave(): void {
    if (this._state.phase === 'idle') {
      return;
    }
    for (const peer of this._peers.values()) {
      this._send(peer.id, 'bye', {});
    }
    this._closeAll();
    this._stopLocal();
    window.clearInterval(this._meterTimer);
    window.clearInterval(this._qualityTimer);
    this._update({
      phase: 'idle',
      local: null,
      speaking: false,
      flags: { ...NO_FLAGS }
    });
  }

  toggleMute(): void {
    this._flags = { ...this._flags, muted: !this._flags.muted };
    this._applyMute();
    this._flagsChanged();
  }

  async toggleCamera(): Promise<void> {
    if (this._flags.cameraOff) {
      this._flags = { ...this._flags, cameraOff: false };
      if (!this._flags.sharing) {
        try {
          await this._acquire('video');
        } catch (error) {
          this._flags = { ...this._flags, cameraOff: true };
          this._update({
            error: this._messages.mediaRefused(describe(error))
          });
        }
      }
    } else {
      this._flags = { ...this._flags, cameraOff: true };
      if (!this._flags.sharing) {
        this._dropLocal('video');
      }
      this._camera?.stop();
      this._camera = null;
    }
    this._flagsChanged();
  }

  /**
   * Share the screen in place of the camera; again to stop.
   */
  async toggleScreenShare(): Promise<void> {
    if (this._flags.sharing) {
      this._stopSharing();
      return;
    }
    let display: MediaStream;
    try {
      display = await navigator.mediaDevices.getDisplayMedia({ video: true });
    } catch (error) {
      this._update({ error: this._messages.shareFailed(describe(error)) });
      return;
    }
    const track = display.getVideoTracks()[0];
    if (!track || this._state.phase !== 'joined') {
      display.getTracks().forEach(t => t.stop());
      return;
    }
    this._screen = track;
    // The browser's own "Stop sharing" button ends the track.
    track.addEventListener('ended', () => this._stopSharing());
    this._setLocal('video', track);
    this._flags = { ...this._flags, sharing: true };
    this._flagsChanged();
  }

  /**
   * Use another microphone or camera.
   */
  async selectDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    if (kind === 'audio') {
      this._update({ audioDeviceId: deviceId });
    } else {
      this._update({ videoDeviceId: deviceId });
    }
    if (this._state.phase !== 'joined') {
      return;
    }
    if (kind === 'video' && (this._flags.cameraOff || this._flags.sharing)) {
      return;
    }
    try {
      await this._acquire(kind);
      if (kind === 'audio') {
        this._applyMute();
        this._localMeter?.dispose();
        this._localMeter =
          this._context && this._local
            ? levelMeter(this._context, this._local)
            : null;
      }
    } catch (error) {
      this._update({ error: this._messages.mediaRefused(describe(error)) });
    }
  }

  dismissError(): void {
    this._update({ error: null });
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this.leave();
    this._isDisposed = true;
    this._channel?.received.disconnect(this._onMessage, this);
    this._channel?.connectionChanged.disconnect(this._onConnection, this);
    Signal.clearData(this);
  }

  // --- local media -------------------------------------------------------

  private _constraints(kind: 'audio' | 'video'): MediaTrackConstraints | true {
    const id =
      kind === 'audio' ? this._state.audioDeviceId : this._state.videoDeviceId;
    return id ? { deviceId: { exact: id } } : true;
  }

  /**
   * Open the camera or microphone and send it to every peer.
   */
  private async _acquire(kind: 'audio' | 'video'): Promise<void> {
    const stream = await navigator.mediaDevices.getUserMedia(
      kind === 'audio'
        ? { audio: this._constraints('audio') }
        : { video: this._constraints('video') }
    );
    const track =
      kind === 'audio'
        ? stream.getAudioTracks()[0]
        : stream.getVideoTracks()[0];
    if (!track) {
      return;
    }
    if (kind === 'video') {
      this._camera?.stop();
      this._camera = track;
    }
    this._setLocal(kind, track);
  }

  /**
   * Put `track` in the local stream in place of the one of its kind, and on
   * every peer's sender.
   */
  private _setLocal(kind: 'audio' | 'video', track: MediaStreamTrack): void {
    const local = this._local;
    if (local === null) {
      track.stop();
      return;
    }
    for (const old of local.getTracks()) {
      if (old.kind === kind && old !== track) {
        local.removeTrack(old);
        if (old !== this._camera && old !== this._screen) {
          old.stop();
        }
      }
    }
    local.addTrack(track);
    for (const peer of this._peers.values()) {
      peer.replaceTrack(kind, track);
    }
    // A new MediaStream object makes React's tile take the new track.
    this._local = new MediaStream(local.getTracks());
    this._update({ local: this._local });
  }

  private _dropLocal(kind: 'audio' | 'video'): void {
    const local = this._local;
    if (local === null) {
      return;
    }
    for (const track of local.getTracks()) {
      if (track.kind === kind) {
        local.removeTrack(track);
      }
    }
    for (const peer of this._peers.values()) {
      peer.replaceTrack(kind, null);
    }
    this._local = new MediaStream(local.getTracks());
    this._update({ local: this._local });
  }

  private _stopSharing(): void {
    const screen = this._screen;
    this._screen = null;
    if (screen === null) {
      return;
    }
    screen.stop();
    this._flags = { ...this._flags, sharing: false };
    if (this._camera !== null && !this._flags.cameraOff) {
      this._setLocal('video', this._camera);
    } else {
      this._dropLocal('video');
    }
    this._flagsChanged();
  }

  private _applyMute(): void {
    for (const track of this._local?.getAudioTracks() ?? []) {
      track.enabled = !this._flags.muted;
    }
  }

  private _stopLocal(): void {
    for (const track of this._local?.getTracks() ?? []) {
      track.stop();
    }
    this._camera?.stop();
    this._screen?.stop();
    this._camera = null;
    this._screen = null;
    this._local = null;
    this._localMeter?.dispose();
    this._localMeter = null;
    void this._context?.close();
    this._context = null;
  }

  private async _listDevices(): Promise<void> {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const pick = (kind: MediaDeviceKind): IDevice[] =>
      devices
        .filter(d => d.kind === kind && d.deviceId)
        .map(d => ({ deviceId: d.deviceId, label: d.label }));
    const audio = this._local?.getAudioTracks()[0]?.getSettings().deviceId;
    const video = this._local?.getVideoTracks()[0]?.getSettings().deviceId;
    this._update({
      audioInputs: pick('audioinput'),
      videoInputs: pick('videoinput'),
      audioDeviceId: this._state.audioDeviceId || audio || '',
      videoDeviceId: this._state.videoDeviceId || video || ''
    });
  }

  private _flagsChanged(): void {
    this._update({ flags: { ...this._flags } });
    for (const peer of this._peers.values()) {
      peer.sendFlags(this._flags);
    }
  }

  // --- the channel -------------------------------------------------------

  private _onConnection(_: SessionChannel, connected: boolean): void {
    this._update({ channelUp: connected });
    if (!connected) {
      // My connection id dies with the socket: every peer is gone with it.
      // Local media stay; the call resumes when the channel is back.
      // Who is inside is kept: a resumed channel replays only the changes.
      this._closeAll();
      if (this._state.phase === 'joined') {
        this._update({ error: this._messages.noChannel });
      }
      return;
    }
    if (this._state.error === this._messages.noChannel) {
      this._update({ error: null });
    }
    // Back with a new connection id: the others meet me again (those who
    // left meanwhile answer `unknown_target`, which is harmless).
    this._announce();
  }

  private _onMessage(_: SessionChannel, message: IChannelMessage): void {
    switch (message.type) {
      case 'snapshot':
        this._onSnapshot(message);
        break;
      case 'presence.join': {
        const id = message.connection_id;
        if (typeof id === 'string' && id !== this._myId) {
          this._inside.set(id, (message.user as ICallUser) ?? null);
        }
        break;
      }
      case 'presence.leave': {
        const id = message.connection_id;
        if (typeof id === 'string') {
          this._inside.delete(id);
          this._closePeer(id);
        }
        break;
      }
      case 'signal':
        void this._onSignal(message);
        break;
      case 'admission':
        if (message.state !== 'admitted' && message.state !== 'waiting') {
          this.leave();
        }
        break;
      default:
        break;
    }
  }

  private _onSnapshot(message: IChannelMessage): void {
    const connections = Array.isArray(message.connections)
      ? (message.connections as {
          connection_id?: unknown;
          user?: ICallUser;
        }[])
      : [];
    const me = this._myId;
    this._inside.clear();
    for (const connection of connections) {
      const id = connection.connection_id;
      if (typeof id === 'string' && id !== me) {
        this._inside.set(id, connection.user ?? null);
      }
    }
    for (const id of [...this._peers.keys()]) {
      if (!this._inside.has(id)) {
        this._closePeer(id);
      }
    }
    // Back after a reconnect (or the panel opened while in the call).
    this._announce();
  }

  /**
   * Tell everyone inside that I am in the call.
   */
  private _announce(): void {
    if (this._state.phase !== 'joined') {
      return;
    }
    for (const id of this._inside.keys()) {
      if (!this._peers.has(id)) {
        this._send(id, 'renegotiate', { call: 'join' });
      }
    }
  }

  private _send(to: string, kind: string, data: object): boolean {
    return this._channel?.send({ type: 'signal', to, kind, data }) ?? false;
  }

  private _isPolite(other: string): boolean {
    const me = this._myId ?? '';
    return me < other;
  }

  private async _onSignal(message: IChannelMessage): Promise<void> {
    const from = message.from;
    const kind = message.kind;
    const data = (message.data ?? {}) as { [key: string]: unknown };
    if (typeof from !== 'string' || typeof kind !== 'string') {
      return;
    }
    if (this._state.phase !== 'joined') {
      if (kind === 'offer') {
        // Not in the call (any more): the other side should stop trying.
        this._send(from, 'bye', {});
      }
      return;
    }
    if (typeof message.from_user === 'object' && message.from_user !== null) {
      if (!this._inside.has(from)) {
        this._inside.set(from, message.from_user as ICallUser);
      }
    }
    switch (kind) {
      case 'renegotiate': {
        if (data.call === 'join' && this._isPolite(from)) {
          // The impolite side of the pair makes the first offer.
          this._send(from, 'renegotiate', { call: 'ready' });
        } else if (data.call === 'join' || data.call === 'ready') {
          if (!this._peers.has(from)) {
            this._createPeer(from, true);
          }
        }
        break;
      }
      case 'offer':
      case 'answer':
        await this._onDescription(from, data);
        break;
      case 'candidate': {
        const peer = this._peers.get(from);
        if (peer === undefined || typeof data.candidate !== 'string') {
          return;
        }
        await peer.addCandidate(data as RTCIceCandidateInit);
        break;
      }
      case 'restart':
        this._peers.get(from)?.restartIce();
        break;
      case 'bye':
        this._closePeer(from);
        break;
      default:
        break;
    }
  }

  private async _onDescription(
    from: string,
    data: { [key: string]: unknown }
  ): Promise<void> {
    const type = data.type;
    const sdp = data.sdp;
    if ((type !== 'offer' && type !== 'answer') || typeof sdp !== 'string') {
      return;
    }
    let peer = this._peers.get(from);
    if (peer === undefined) {
      if (type !== 'offer') {
        return;
      }
      peer = this._createPeer(from, false);
    }
    await peer.acceptDescription(type, sdp);
  }

  // --- peers -------------------------------------------------------------

  private _createPeer(id: string, initiator: boolean): PeerConnection {
    const peer = new PeerConnection({
      id,
      user: this._inside.get(id) ?? null,
      polite: this._isPolite(id),
      initiator,
      iceServers: this._ice,
      host: {
        send: (to, kind, data) => this._send(to, kind, data),
        localStream: () => this._local,
        localFlags: () => this._flags,
        audioContext: () => this._context,
        changed: () => this._peersChanged()
      }
    });
    this._peers.set(id, peer);
    this._peersChanged();
    return peer;
  }

  private _closePeer(id: string): void {
    const peer = this._peers.get(id);
    if (peer === undefined) {
      return;
    }
    this._peers.delete(id);
    peer.close();
    this._peersChanged();
  }

  private _closeAll(): void {
    for (const id of [...this._peers.keys()]) {
      this._closePeer(id);
    }
  }

  // --- measurements ------------------------------------------------------

  private _measureSpeaking(): void {
    let changed = false;
    const speaking = isSpeaking(this._localMeter, this._flags.muted);
    for (const peer of this._peers.values()) {
      if (peer.measureSpeaking()) {
        changed = true;
      }
    }
    if (speaking !== this._state.speaking) {
      this._update({ speaking });
    }
    if (changed) {
      this._peersChanged();
    }
  }

  private async _measureQuality(): Promise<void> {
    for (const peer of [...this._peers.values()]) {
      await peer.measureQuality();
    }
    this._peersChanged();
  }

  // --- state -------------------------------------------------------------

  private _peersChanged(): void {
    const peers: ICallPeer[] = [...this._peers.values()].map(peer => ({
      connectionId: peer.id,
      user: peer.user ?? this._inside.get(peer.id) ?? null,
      connectionState: peer.connectionState,
      stream: peer.stream,
      flags: peer.flags,
      speaking: peer.speaking,
      quality: peer.quality
    }));
    this._update({ peers });
  }

  private _update(change: Partial<ICallState>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...change };
    this._stateChanged.emit(this._state);
  }

  private _channel: SessionChannel | null = null;
  private _settings: ServerConnection.ISettings;
  private _sessionId: string;
  private _defaults: () => ICallDefaults;
  private _messages: ICallModelOptions['messages'];
  private _inside = new Map<string, ICallUser | null>();
  private _peers = new Map<string, PeerConnection>();
  private _ice: RTCIceServer[] = [];
  private _local: MediaStream | null = null;
  private _camera: MediaStreamTrack | null = null;
  private _screen: MediaStreamTrack | null = null;
  private _context: AudioContext | null = null;
  private _localMeter: ILevelMeter | null = null;
  private _flags: IMediaFlags = { ...NO_FLAGS };
  private _meterTimer = 0;
  private _qualityTimer = 0;
  private _isDisposed = false;
  private _state: ICallState = {
    phase: 'idle',
    error: null,
    local: null,
    flags: { ...NO_FLAGS },
    speaking: false,
    peers: [],
    audioInputs: [],
    videoInputs: [],
    audioDeviceId: '',
    videoDeviceId: '',
    channelUp: false
  };
  private _stateChanged = new Signal<this, ICallState>(this);
}
