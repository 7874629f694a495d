"""Numbered schema migrations (``NNNN_name.py`` with ``up(migrator, db)``), run by playhouse."""
