"""The PostgreSQL tests' fixtures (``pg_server``, ``pg_database``, ``on_both``) are
``tests/backends.py``'s, a plugin of the root conftest, so that every suite can use them."""
