"""Where netrhythm keeps its files: platformdirs defaults, overridden by NETRHYTHM_DB or --db."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "netrhythm"
DB_ENV = "NETRHYTHM_DB"


def default_db_path() -> Path:
    """``netrhythm.db`` in the user data directory (``~/.local/share/netrhythm`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "netrhythm.db"


def resolve_db_path(cli_value: str | None) -> Path:
    """The database in use: ``--db`` first, then ``$NETRHYTHM_DB``, then the default."""
    raw = cli_value or os.environ.get(DB_ENV) or ""
    if raw.strip():
        return Path(raw).expanduser().resolve()
    return default_db_path()


def backups_dir(db_path: Path) -> Path:
    """The folder of the daily backups of ``db_path``: beside it, named after it."""
    return db_path.parent / f"{db_path.name}-backups"


def config_dir() -> Path:
    """The user config folder (``~/.config/netrhythm`` on Linux; ``$XDG_CONFIG_HOME`` moves it)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def keymap_path() -> Path:
    """The user's key bindings (``keymap.toml`` in the config folder); it need not exist."""
    return config_dir() / "keymap.toml"
