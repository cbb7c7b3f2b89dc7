/**
 * Loudness from a WebAudio analyser: the call's speaking indicator and the
 * pre-flight check's microphone level.
 */

/**
 * How often the call checks who is speaking (ms).
 */
export const SPEAKING_INTERVAL_MS = 150;
/**
 * The level (RMS, 0-1) above which someone counts as speaking.
 */
export const SPEAKING_LEVEL = 0.02;

/**
 * The loudness of a stream's audio (WebAudio analyser), read on demand.
 */
export interface ILevelMeter {
  level(): number;
  dispose(): void;
}

/**
 * A level meter on the audio of `stream` (null when it has none).
 */
export function levelMeter(
  context: AudioContext,
  stream: MediaStream
): ILevelMeter | null {
  if (stream.getAudioTracks().length === 0) {
    return null;
  }
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  // A window longer than the check interval (8192 samples: 170 ms at 48 kHz), so
  // no short sound falls between two reads and goes unseen.
  analyser.fftSize = 8192;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  return {
    level: () => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) {
        const centred = (sample - 128) / 128;
        sum += centred * centred;
      }
      return Math.sqrt(sum / samples.length);
    },
    dispose: () => {
      source.disconnect();
      analyser.disconnect();
    }
  };
}

/**
 * Whether someone unmuted is loud enough on `meter` to count as speaking
 * (the meter is not read while muted).
 */
export function isSpeaking(meter: ILevelMeter | null, muted: boolean): boolean {
  return !muted && (meter?.level() ?? 0) > SPEAKING_LEVEL;
}
