from typing import Any

import pytest
from ydoc_client import YClient

pytest_plugins = ["pytest_jupyter.jupyter_server"]


@pytest.fixture
def jp_server_config(codecall_server_config):
    return codecall_server_config


@pytest.fixture
def people(codecall_people):
    return codecall_people


def pytest_collection_modifyitems(items):
    # Playwright's sync API keeps its own event loop running until the session ends,
    # which pytest-jupyter's in-process servers cannot share: run browser tests last.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture
def rooms(jp_http_port):
    """``await rooms(browser, room, **kwargs)``: a synced Yjs client of a collaboration
    room (``YClient.open``'s keywords); closed after the test."""
    opened: list[YClient] = []

    async def open_(browser: Any, room: str, **kwargs: Any) -> YClient:
        client = await YClient.open(browser, jp_http_port, room, **kwargs)
        opened.append(client)
        await client.until(lambda: client.synced)
        return client

    yield open_
    for client in opened:
        client.connection.close()
        client._reader.cancel()
