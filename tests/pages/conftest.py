"""Page tests share the AppTest helpers of tests/test_pages.py; `use_store` lives in
tests/conftest.py, so every folder has it."""
