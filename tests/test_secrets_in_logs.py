"""Secrets never reach the server's log: not the owner's token, not a password, not a
session's join token, not a registration invite, even on the requests Jupyter logs
(redirects and refusals are logged with their URL)."""

import urllib.error
import urllib.parse
import urllib.request

from server_process import ServerProcess


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a 302 is what we want to see logged
        return None


def call(url: str, data: bytes | None = None) -> int:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        request = urllib.request.Request(url, data=data)  # noqa: S310 - http://127.0.0.1 only
        with opener.open(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def test_tokens_invites_and_passwords_stay_out_of_the_log(tmp_path):
    server = ServerProcess(tmp_path)
    server.start()
    try:
        status, invite = server.request("POST", "codecall/api/invites", {})
        assert status == 201, invite
        invite_token = invite["token"]
        status, session = server.request("POST", "codecall/api/sessions", {"title": "t"})
        assert status == 201, session
        join_token = session["invite_url"].split("codecall-join=")[1]
        password = "a password nobody logs 7"

        # Each of these is logged by Jupyter (a redirect or a refusal) with its URL.
        base = server.url
        assert call(f"{base}/lab?codecall-join={join_token}") == 302
        assert call(f"{base}/lab?token={server.token}x&codecall-join={join_token}") in (302, 403)
        form = urllib.parse.urlencode(
            {"username": "eve", "email": "e@example.test", "password": password}
        ).encode()
        # No XSRF cookie: refused (403) and logged, with its query string.
        assert call(f"{base}/codecall/register?invite={invite_token}", form) == 403
        # The owner's real token in the URL of refused API calls (404, 405, bad body).
        for path in ("codecall/api/sessions/nope", "codecall/api/nothing", "api/contents/x.txt"):
            assert call(f"{base}/{path}?token={server.token}") == 404
        assert call(f"{base}/codecall/api/sessions?token={server.token}", b"[1") == 400
        login = urllib.parse.urlencode({"login": "owner", "password": password}).encode()
        assert call(f"{base}/login?next=%2Flab", login) == 403
        server.stop()

        log = server.log_path.read_text(errors="replace")
        # The requests were logged, their secrets scrubbed (so this test can fail).
        assert "codecall-join=[secret]" in log, log[-3000:]
        assert "invite=[secret]" in log, log[-3000:]
        for secret in (server.token, join_token, invite_token, password):
            assert secret not in log, f"{secret[:6]}... is in the log"
    finally:
        if server.process is not None and server.process.poll() is None:
            server.stop()
