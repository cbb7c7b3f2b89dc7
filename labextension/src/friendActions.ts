/**
 * The friend actions that need a confirmation or report an error.
 *
 * Every flow resolves (never rejects): errors are shown to the user.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { attempt, confirm } from './confirm';
import { FriendsModel } from './friendsModel';
import { IPublicUser } from './types';

/**
 * Ask, then end a friendship.
 */
export async function unfriend(
  friends: FriendsModel,
  user: IPublicUser,
  trans: TranslationBundle
): Promise<void> {
  const sure = await confirm({
    title: trans.__('Remove friend'),
    body: trans.__(
      '%1 will no longer be your friend: neither of you will see the other’s presence or sessions. You can ask again later.',
      user.display_name
    ),
    accept: trans.__('Remove friend'),
    warn: true,
    trans
  });
  if (sure) {
    await attempt(
      () => friends.unfriend(user.id),
      trans.__('Could not remove %1', user.display_name)
    );
  }
}

/**
 * Ask, then block a user.
 */
export async function block(
  friends: FriendsModel,
  user: IPublicUser,
  trans: TranslationBundle
): Promise<void> {
  const sure = await confirm({
    title: trans.__('Block %1', user.display_name),
    body: trans.__(
      'This ends your friendship and any pending requests between you. %1 cannot ask you again or join your sessions until you unblock them.',
      user.display_name
    ),
    accept: trans.__('Block'),
    warn: true,
    trans
  });
  if (sure) {
    await attempt(
      () => friends.block(user),
      trans.__('Could not block %1', user.display_name)
    );
  }
}

/**
 * Unblock a user.
 */
export async function unblock(
  friends: FriendsModel,
  user: IPublicUser,
  trans: TranslationBundle
): Promise<void> {
  await attempt(
    () => friends.unblock(user.id),
    trans.__('Could not unblock %1', user.display_name)
  );
}

/**
 * Accept, decline or cancel a friend request.
 */
export async function answerRequest(
  friends: FriendsModel,
  requestId: number,
  answer: 'accept' | 'decline' | 'cancel',
  trans: TranslationBundle
): Promise<void> {
  await attempt(
    () => friends[answer](requestId),
    trans.__('Could not update the friend request')
  );
}
