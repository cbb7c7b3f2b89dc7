"""The channel's room and connection mechanics, without sockets: the one fault that a
real client cannot cause on demand (a reader that stops reading) is simulated here."""

import asyncio

from codecall_jupyter.channel.protocol import CLOSE_TOO_SLOW
from codecall_jupyter.channel.room import Connection, Member, Room


def member(state="admitted"):
    return Member(1, "ann", "Ann", "#000", state, "candidate")


async def test_a_reader_that_stops_is_closed_and_others_keep_going():
    stuck = asyncio.get_running_loop().create_future()  # a socket whose buffer never drains
    closed = []
    delivered = []

    async def never(frame):
        await stuck

    async def fine(frame):
        delivered.append(frame)

    slow = Connection(member(), never, lambda code, reason: closed.append(code), queue_size=3)
    fast = Connection(member(), fine, lambda code, reason: None, queue_size=3)
    room = Room("s", buffer_size=10)
    room.connections = {slow.id: slow, fast.id: fast}
    for i in range(10):
        room.publish({"type": "chat", "n": i})
        await asyncio.sleep(0)
    assert closed == [CLOSE_TOO_SLOW]
    assert len(delivered) == 10
    fast.dispose()
    stuck.cancel()


async def test_replay_buffer_is_bounded_and_resume_falls_back():
    room = Room("s", buffer_size=3)
    for i in range(5):
        room.publish({"type": "chat", "n": i})
    inside = member()
    assert [m["n"] for m in room.missed(inside, 3)] == [3, 4]
    assert room.missed(inside, 0) is None  # too old: a snapshot is needed
    assert room.missed(inside, 5) == []


async def test_host_only_messages_are_not_replayed_to_guests():
    room = Room("s", buffer_size=10)
    room.publish({"type": "waiting", "waiting": []}, audience="host")
    room.publish({"type": "chat", "n": 1})
    assert [m["type"] for m in room.missed(member("admitted"), 0)] == ["chat"]
    assert [m["type"] for m in room.missed(member("host"), 0)] == ["waiting", "chat"]
