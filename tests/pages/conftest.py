"""Page tests share the AppTest helpers of tests/test_pages.py."""

from tests.test_pages import use_store  # noqa: F401 - a fixture, re-exported for this folder
