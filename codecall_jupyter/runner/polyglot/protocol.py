"""What kernels and the server agree on: the mimetypes of results, the marker that ends
truncated output, the run server's frames. Read by the server too (``runner/execute.py``,
``runner/runchannel.py``)."""

import json
import struct
from typing import Any

RESULT = "application/vnd.codecall.result+json"
CASE = "application/vnd.codecall.case+json"
COMPILE = "application/vnd.codecall.compile+json"
CHECK = "application/vnd.codecall.check+json"
TRUNCATED = "\n[output truncated: more than {} bytes]\n"

# The Python kernel's run server (runserver.py) and the server speak in frames: a 4-byte
# big-endian length, then that many bytes of a JSON object.
FRAME_HEADER = 4
MAX_FRAME = 64 * 1024 * 1024  # a spec carries the run's files; nothing else comes near


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode()
    return struct.pack(">I", len(body)) + body


def frame_length(header: bytes) -> int:
    """The length a frame's header announces; ValueError past MAX_FRAME."""
    (length,) = struct.unpack(">I", header)
    if length > MAX_FRAME:
        raise ValueError(f"a frame of {length} bytes (at most {MAX_FRAME})")
    return int(length)
