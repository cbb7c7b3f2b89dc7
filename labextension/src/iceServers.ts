/**
 * The STUN/TURN servers a session's calls use.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import { API_PATH } from './api';

/**
 * The ICE servers of a session (`GET .../sessions/{id}/ice`); none when the
 * request fails, which still works on one network.
 */
export async function iceServers(
  settings: ServerConnection.ISettings,
  sessionId: string
): Promise<RTCIceServer[]> {
  const url = URLExt.join(
    settings.baseUrl,
    API_PATH,
    'sessions',
    encodeURIComponent(sessionId),
    'ice'
  );
  try {
    const response = await ServerConnection.makeRequest(url, {}, settings);
    if (!response.ok) {
      return [];
    }
    const body = (await response.json()) as { ice_servers?: RTCIceServer[] };
    return Array.isArray(body.ice_servers) ? body.ice_servers : [];
  } catch {
    return [];
  }
}
