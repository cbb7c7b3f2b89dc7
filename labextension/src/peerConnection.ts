/**
 * One peer of the call: its RTCPeerConnection with perfect negotiation (the
 * polite side rolls back its own offer on a collision), ICE restart when the
 * connection fails or stays disconnected, the negotiated data channel that
 * carries mute/camera/sharing state, and the peer's stream, speaking and
 * quality.
 */
import { QualitySampler, UNKNOWN_QUALITY } from './callQuality';
import { ICallUser, IMediaFlags, IQuality, NO_FLAGS } from './callTypes';
import { ILevelMeter, isSpeaking, levelMeter } from './levelMeter';

const DISCONNECTED_RESTART_MS = 4_000;
const STATE_CHANNEL_ID = 0;

/**
 * What a peer needs from the call it belongs to.
 */
export interface IPeerHost {
  /**
   * Send a signal to the other side through the session channel.
   */
  send(to: string, kind: string, data: object): boolean;
  /**
   * My media now (null outside the call).
   */
  localStream(): MediaStream | null;
  /**
   * My mute/camera/sharing state now.
   */
  localFlags(): IMediaFlags;
  /**
   * The call's audio context, for the peer's level meter.
   */
  audioContext(): AudioContext | null;
  /**
   * Something the tiles show changed (stream, state, flags).
   */
  changed(): void;
}

export interface IPeerOptions {
  id: string;
  user: ICallUser | null;
  polite: boolean;
  /**
   * Whether this side makes the pair's first offer (and its transceivers).
   */
  initiator: boolean;
  iceServers: RTCIceServer[];
  host: IPeerHost;
}

/**
 * The first track of `kind` in `stream`.
 */
export function trackOf(
  stream: MediaStream | null,
  kind: 'audio' | 'video'
): MediaStreamTrack | null {
  const tracks =
    kind === 'audio' ? stream?.getAudioTracks() : stream?.getVideoTracks();
  return tracks?.[0] ?? null;
}

/**
 * The flags as the state data channel carries them.
 */
function flagsMessage(flags: IMediaFlags): string {
  return JSON.stringify({ type: 'flags', ...flags });
}

/**
 * The connection to one other connection in the call.
 */
export class PeerConnection {
  constructor(options: IPeerOptions) {
    const { id, host } = options;
    this.id = id;
    this.user = options.user;
    this.polite = options.polite;
    this._host = host;
    const pc = (this._pc = new RTCPeerConnection({
      iceServers: options.iceServers
    }));
    const data = (this._data = pc.createDataChannel('codecall-state', {
      negotiated: true,
      id: STATE_CHANNEL_ID
    }));
    if (options.initiator) {
      // The transceivers of the pair; the answerer takes them from the offer.
      const local = host.localStream();
      for (const kind of ['audio', 'video'] as const) {
        const track = trackOf(local, kind);
        pc.addTransceiver(track ?? kind, {
          direction: 'sendrecv',
          streams: local ? [local] : []
        });
      }
    }
    pc.onnegotiationneeded = async () => {
      try {
        this._makingOffer = true;
        await pc.setLocalDescription();
        const local = pc.localDescription;
        if (local && !this._closed) {
          host.send(id, 'offer', { type: local.type, sdp: local.sdp });
        }
      } catch (error) {
        console.warn('CodeCall: could not make an offer', error);
      } finally {
        this._makingOffer = false;
      }
    };
    pc.onicecandidate = event => {
      if (event.candidate) {
        host.send(id, 'candidate', event.candidate.toJSON());
      }
    };
    pc.ontrack = event => {
      if (!this.stream.getTracks().includes(event.track)) {
        this.stream.addTrack(event.track);
      }
      // A new object so the tile's <video> and meter pick the track up.
      this.stream = new MediaStream(this.stream.getTracks());
      const context = host.audioContext();
      if (event.track.kind === 'audio' && context) {
        this._meter?.dispose();
        this._meter = levelMeter(context, this.stream);
      }
      host.changed();
    };
    pc.onconnectionstatechange = () => {
      this._onState();
    };
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed') {
        this._restart();
      }
    };
    data.onopen = () => {
      data.send(flagsMessage(host.localFlags()));
    };
    data.onmessage = event => {
      try {
        const flags = JSON.parse(String(event.data)) as Partial<IMediaFlags>;
        this.flags = {
          muted: flags.muted === true,
          cameraOff: flags.cameraOff === true,
          sharing: flags.sharing === true
        };
        host.changed();
      } catch {
        // Not ours: ignored.
      }
    };
  }

  readonly id: string;
  readonly user: ICallUser | null;
  /**
   * The polite side rolls back its own offer when offers collide.
   */
  readonly polite: boolean;
  /**
   * The other side's media (a new object whenever a track arrives).
   */
  stream = new MediaStream();
  flags: IMediaFlags = { ...NO_FLAGS };
  speaking = false;
  quality: IQuality = { ...UNKNOWN_QUALITY };

  get connectionState(): RTCPeerConnectionState {
    return this._pc.connectionState;
  }

  /**
   * An offer or answer from the other side (perfect negotiation): an offer
   * that collides with mine is ignored on the impolite side; on the polite
   * side setting it rolls mine back. An offer is answered with my media.
   */
  async acceptDescription(
    type: 'offer' | 'answer',
    sdp: string
  ): Promise<void> {
    const pc = this._pc;
    const collision =
      type === 'offer' && (this._makingOffer || pc.signalingState !== 'stable');
    this._ignoreOffer = !this.polite && collision;
    if (this._ignoreOffer) {
      return;
    }
    try {
      await pc.setRemoteDescription({ type, sdp });
      if (type === 'offer') {
        this._attachLocal();
        await pc.setLocalDescription();
        const local = pc.localDescription;
        if (local) {
          this._host.send(this.id, 'answer', {
            type: local.type,
            sdp: local.sdp
          });
        }
      }
    } catch (error) {
      console.warn('CodeCall: negotiation with a peer failed', error);
    }
  }

  /**
   * A remote ICE candidate (its failure is expected for an ignored offer).
   */
  async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this._pc.addIceCandidate(candidate);
    } catch (error) {
      if (!this._ignoreOffer) {
        console.warn('CodeCall: a remote ICE candidate failed', error);
      }
    }
  }

  /**
   * The polite side asked me (the impolite one) to restart ICE.
   */
  restartIce(): void {
    this._pc.restartIce();
  }

  /**
   * Send `track` (or nothing) in place of my track of `kind`, without
   * renegotiating.
   */
  replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): void {
    void this._senderOf(kind)?.replaceTrack(track);
  }

  /**
   * Tell the other side my mute/camera/sharing state (once the channel is
   * open; its opening sends the state of that moment).
   */
  sendFlags(flags: IMediaFlags): void {
    if (this._data.readyState === 'open') {
      this._data.send(flagsMessage(flags));
    }
  }

  /**
   * Read the level meter; true when speaking changed.
   */
  measureSpeaking(): boolean {
    const now = isSpeaking(this._meter, this.flags.muted);
    if (now === this.speaking) {
      return false;
    }
    this.speaking = now;
    return true;
  }

  /**
   * Sample the quality while connected (kept as it was when the statistics
   * cannot be read).
   */
  async measureQuality(): Promise<void> {
    if (this._pc.connectionState !== 'connected') {
      return;
    }
    const quality = await this._sampler.sample(this._pc);
    if (quality !== null) {
      this.quality = quality;
    }
  }

  close(): void {
    this._closed = true;
    window.clearTimeout(this._restartTimer);
    this._meter?.dispose();
    const pc = this._pc;
    pc.onnegotiationneeded = null;
    pc.onicecandidate = null;
    pc.ontrack = null;
    pc.onconnectionstatechange = null;
    pc.oniceconnectionstatechange = null;
    this._data.onmessage = null;
    pc.close();
  }

  /**
   * On the answering side: send my media on the transceivers the offer made.
   */
  private _attachLocal(): void {
    const local = this._host.localStream();
    for (const transceiver of this._pc.getTransceivers()) {
      const kind = transceiver.receiver.track.kind as 'audio' | 'video';
      if (transceiver.direction === 'recvonly' || !transceiver.sender.track) {
        const track = trackOf(local, kind);
        transceiver.direction = 'sendrecv';
        void transceiver.sender.replaceTrack(track);
        if (local) {
          transceiver.sender.setStreams(local);
        }
      }
    }
  }

  private _senderOf(kind: 'audio' | 'video'): RTCRtpSender | null {
    for (const transceiver of this._pc.getTransceivers()) {
      if (transceiver.receiver.track.kind === kind) {
        return transceiver.sender;
      }
    }
    return null;
  }

  private _onState(): void {
    const state = this._pc.connectionState;
    window.clearTimeout(this._restartTimer);
    if (state === 'failed') {
      this._restart();
    } else if (state === 'disconnected') {
      // Often comes back by itself; restart ICE if it does not.
      this._restartTimer = window.setTimeout(() => {
        if (this._pc.connectionState === 'disconnected') {
          this._restart();
        }
      }, DISCONNECTED_RESTART_MS);
    }
    this._host.changed();
  }

  /**
   * Restart ICE: the impolite side makes the new offer, the polite side
   * asks it to.
   */
  private _restart(): void {
    if (this._closed) {
      return;
    }
    if (this.polite) {
      this._host.send(this.id, 'restart', {});
    } else {
      this._pc.restartIce();
    }
  }

  private _host: IPeerHost;
  private _pc: RTCPeerConnection;
  private _data: RTCDataChannel;
  private _makingOffer = false;
  private _ignoreOffer = false;
  private _closed = false;
  private _restartTimer = 0;
  private _meter: ILevelMeter | null = null;
  private _sampler = new QualitySampler();
}
