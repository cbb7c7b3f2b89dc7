"""What kernels and the server agree on: the mimetypes of results, and the marker that
ends truncated output. Read by the server too (``runner/execute.py``)."""

RESULT = "application/vnd.codecall.result+json"
CASE = "application/vnd.codecall.case+json"
COMPILE = "application/vnd.codecall.compile+json"
CHECK = "application/vnd.codecall.check+json"
TRUNCATED = "\n[output truncated: more than {} bytes]\n"
