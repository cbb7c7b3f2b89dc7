/**
 * A peer connection's quality from `getStats`: the round trip of the
 * nominated candidate pair and the share of inbound packets lost since the
 * last sample.
 */
import { IQuality, QualityLevel } from './callTypes';

/**
 * How often the call samples its peers' quality (ms).
 */
export const QUALITY_INTERVAL_MS = 2_000;

/**
 * No measurement yet.
 */
export const UNKNOWN_QUALITY: IQuality = {
  level: 'unknown',
  rttMs: null,
  lossPct: null
};

export function qualityOf(
  rttMs: number | null,
  lossPct: number | null
): QualityLevel {
  if (rttMs === null && lossPct === null) {
    return 'unknown';
  }
  const rtt = rttMs ?? 0;
  const loss = lossPct ?? 0;
  if (rtt < 150 && loss < 2) {
    return 'good';
  }
  if (rtt < 400 && loss < 8) {
    return 'fair';
  }
  return 'poor';
}

/**
 * Samples one connection; loss is counted between consecutive samples, so
 * it keeps the totals of the last one.
 */
export class QualitySampler {
  /**
   * The quality now, or null when the statistics could not be read.
   */
  async sample(pc: RTCPeerConnection): Promise<IQuality | null> {
    let rtt: number | null = null;
    let lost = 0;
    let received = 0;
    try {
      const report = await pc.getStats();
      report.forEach(stat => {
        if (
          stat.type === 'candidate-pair' &&
          stat.nominated &&
          stat.state === 'succeeded' &&
          typeof stat.currentRoundTripTime === 'number'
        ) {
          rtt = stat.currentRoundTripTime * 1000;
        } else if (stat.type === 'inbound-rtp') {
          lost += Math.max(0, stat.packetsLost ?? 0);
          received += stat.packetsReceived ?? 0;
        }
      });
    } catch {
      return null;
    }
    const dLost = lost - this._lastLost;
    const dReceived = received - this._lastReceived;
    this._lastLost = lost;
    this._lastReceived = received;
    const expected = dLost + dReceived;
    const lossPct = expected > 0 ? (100 * dLost) / expected : null;
    const rttMs = rtt === null ? null : Math.round(rtt);
    return {
      level: qualityOf(rttMs, lossPct),
      rttMs,
      lossPct: lossPct === null ? null : Math.round(lossPct * 10) / 10
    };
  }

  private _lastLost = 0;
  private _lastReceived = 0;
}
