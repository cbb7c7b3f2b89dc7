import pytest

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
