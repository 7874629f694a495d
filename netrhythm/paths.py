"""Where the data lives: a SQLite file (the default, in the user data folder) or a database
server's URL, from ``--db``, else ``NETRHYTHM_DB``, else the default file.

A :class:`Location` is that one value. Everything that only makes sense for a file (0600
permissions, backups copied beside it, write-ahead logging, ``data_version``) is reached
through ``location.path`` in storage; a URL is only ever shown without its password.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

APP_NAME = "netrhythm"
DB_ENV = "NETRHYTHM_DB"
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class Location(NamedTuple):
    """A SQLite file (``path``) or a database server (``url``, exactly as given)."""

    path: Path | None
    url: str | None = None

    @classmethod
    def of(cls, value: Location | Path | str) -> Location:
        """``value`` as a location: a location, a file path (a ``Path`` as it is), or text
        as typed: a URL (``scheme://…``) or a path (``~`` expanded, made absolute)."""
        if isinstance(value, Location):
            return value
        if isinstance(value, Path):
            return cls(value)
        if _URL.match(value.strip()):
            return cls(None, value.strip())
        return cls(Path(value).expanduser().resolve())

    @property
    def file(self) -> Path:
        """The SQLite file (``ValueError`` for a server: only file features ask for it)."""
        if self.path is None:
            raise ValueError(f"{self} is not a file")
        return self.path

    @property
    def backups(self) -> Path:
        """The folder of the daily backups: beside a file, named after it; for a server, in
        the user data folder."""
        if self.path is not None:
            return backups_dir(self.path)
        return default_db_path().parent / "server-backups"

    def __str__(self) -> str:
        """For people and for scheduler entries: the path, or the URL without its password."""
        return str(self.path) if self.path is not None else redact_url(self.url or "")


def default_db_path() -> Path:
    """``netrhythm.db`` in the user data directory (``~/.local/share/netrhythm`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "netrhythm.db"


def resolve_location(cli_value: str | None) -> Location:
    """The data in use: ``--db`` first, then ``$NETRHYTHM_DB``, then the default file.

    A password in a ``--db`` address is refused (``InputError``): the command line shows in
    ``ps`` and stays in the shell's history; ``~/.pgpass``, ``PGPASSWORD`` or ``NETRHYTHM_DB``
    carry it instead."""
    if cli_value and cli_value.strip():
        return typed_location(cli_value, "--db")
    raw = os.environ.get(DB_ENV) or ""
    if raw.strip():
        return Location.of(raw)
    return Location(default_db_path())


def typed_location(value: str, field: str) -> Location:
    """``value``, typed on the command line as ``field`` (``--db``, ``--to``), as a location;
    an address holding a password is refused (``InputError`` naming ``field``): the command
    line shows in ``ps`` and stays in the shell's history."""
    location = Location.of(value)
    if location.url is not None and has_password(location.url):
        from netrhythm.domain.errors import InputError

        whole = ", or set the whole address in NETRHYTHM_DB" if field == "--db" else ""
        raise InputError(field, "a password typed on the command line shows in `ps` and "
                                "stays in the shell's history; give the address without it "
                                f"and put the password in ~/.pgpass or PGPASSWORD{whole}")
    return location


def backups_dir(db_path: Path) -> Path:
    """The folder of the daily backups of ``db_path``: beside it, named after it."""
    return db_path.parent / f"{db_path.name}-backups"


def has_password(url: str) -> bool:
    """Whether ``url`` holds a password (in the user part or as a ``password=`` parameter)."""
    return _without_password(url)[1]


def redact_url(url: str) -> str:
    """``url`` without a password (in the user part or as a ``password=`` parameter)."""
    return _without_password(url)[0]


def _without_password(url: str) -> tuple[str, bool]:
    """``url`` without its password, and whether it held one."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    user_info, at, host = parts.netloc.rpartition("@")
    user, colon, _ = user_info.partition(":")
    netloc = (f"{user}@{host}" if user else host) if at else parts.netloc
    items = [item for item in parts.query.split("&") if item]
    kept = [item for item in items if item.split("=", 1)[0].lower() != "password"]
    held = bool(at and colon) or len(kept) < len(items)
    return urlunsplit(parts._replace(netloc=netloc, query="&".join(kept))), held


def url_stem(where: str) -> str:
    """A file name stem for the data at ``where`` (a URL shown without its password):
    ``db.example-5432-nr`` for ``postgresql://me@db.example:5432/nr``."""
    import re

    rest = where.split("://", 1)[-1].split("?", 1)[0].rpartition("@")[2]
    return re.sub(r"[^A-Za-z0-9_.]+", "-", rest).strip("-.") or "server"


def config_dir() -> Path:
    """The user config folder (``~/.config/netrhythm`` on Linux; ``$XDG_CONFIG_HOME`` moves it)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def keymap_path() -> Path:
    """The user's key bindings (``keymap.toml`` in the config folder); it need not exist."""
    return config_dir() / "keymap.toml"
