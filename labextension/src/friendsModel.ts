/**
 * Friends, friend requests and blocks of the signed-in user.
 */
import { CodeCallClient } from './api';
import { RemoteValue } from './remote';
import {
  FriendRequestResult,
  IBlock,
  IFriend,
  IFriendRequests,
  IPublicUser
} from './types';

/**
 * The friends model.
 *
 * Loading never rejects (failures land in each value's state); actions
 * reject with a `CodeCallApiError` and reload what they changed.
 */
export class FriendsModel {
  constructor(client: CodeCallClient) {
    this._client = client;
    this.friends = new RemoteValue(() => client.listFriends());
    this.requests = new RemoteValue(() => client.listFriendRequests());
    this.blocked = new RemoteValue(() => client.listBlocks());
  }

  /**
   * My friends with their presence.
   */
  readonly friends: RemoteValue<IFriend[]>;

  /**
   * My pending friend requests, incoming and outgoing.
   */
  readonly requests: RemoteValue<IFriendRequests>;

  /**
   * The users I have blocked.
   */
  readonly blocked: RemoteValue<IBlock[]>;

  /**
   * Reload everything; resolves to whether every load succeeded.
   */
  async refresh(): Promise<boolean> {
    const results = await Promise.all([
      this.friends.refresh(),
      this.requests.refresh(),
      this.blocked.refresh()
    ]);
    return results.every(Boolean);
  }

  /**
   * Ask a username or an email address to be friends.
   */
  async sendRequest(to: string): Promise<FriendRequestResult> {
    const result = await this._client.sendFriendRequest(to);
    await this._reload(result.status === 'friends');
    return result;
  }

  /**
   * Accept a request sent to me.
   */
  async accept(requestId: number): Promise<IFriend> {
    const friend = await this._client.acceptFriendRequest(requestId);
    await this._reload(true);
    return friend;
  }

  /**
   * Decline a request sent to me.
   */
  async decline(requestId: number): Promise<void> {
    await this._client.declineFriendRequest(requestId);
    await this._reload(false);
  }

  /**
   * Cancel a request I sent.
   */
  async cancel(requestId: number): Promise<void> {
    await this._client.cancelFriendRequest(requestId);
    await this._reload(false);
  }

  /**
   * End a friendship.
   */
  async unfriend(userId: number): Promise<void> {
    await this._client.unfriend(userId);
    await this.friends.refresh();
  }

  /**
   * Block a user (ends the friendship and pending requests).
   */
  async block(user: IPublicUser): Promise<void> {
    await this._client.block(user.username);
    await this.refresh();
  }

  /**
   * Unblock a user.
   */
  async unblock(userId: number): Promise<void> {
    await this._client.unblock(userId);
    await this.blocked.refresh();
  }

  private async _reload(friendsToo: boolean): Promise<void> {
    await Promise.all([
      this.requests.refresh(),
      friendsToo ? this.friends.refresh() : Promise.resolve(true)
    ]);
  }

  private _client: CodeCallClient;
}
