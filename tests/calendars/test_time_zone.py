"""The user's time zone: $TZ, else /etc/localtime, else UTC; the setting; how times show."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.domain.event_times import days_covered, moment_text, parse_moment, time_label
from netrhythm.domain.records import EventRec
from netrhythm.services import settings
from netrhythm.services.calendars.zone import read_zone_name, system_zone_name
from netrhythm.services.context import Context
from netrhythm.services.undo import undo


def _link(tmp_path: Path, target: str) -> Path:
    link = tmp_path / "localtime"
    link.symlink_to(target)
    return link


def test_the_system_zone_comes_from_tz_then_etc_localtime_then_utc(tmp_path: Path) -> None:
    lisbon = _link(tmp_path, "/usr/share/zoneinfo/Europe/Lisbon")
    assert system_zone_name({"TZ": "America/New_York"}, lisbon) == "America/New_York"
    assert system_zone_name({"TZ": ":Asia/Tokyo"}, lisbon) == "Asia/Tokyo"
    assert system_zone_name({"TZ": "/usr/share/zoneinfo/Asia/Tokyo"}, lisbon) == "Asia/Tokyo"
    assert system_zone_name({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}, lisbon) == "Europe/Lisbon"
    assert system_zone_name({}, lisbon) == "Europe/Lisbon"
    posix = tmp_path / "p"
    posix.mkdir()
    assert system_zone_name({}, _link(posix, "/usr/share/zoneinfo/posix/Asia/Tokyo")) == \
        "Asia/Tokyo"
    plain = tmp_path / "plain"
    plain.write_bytes(b"TZif")  # a copied file: no name to read
    assert system_zone_name({}, plain) == "UTC"
    assert system_zone_name({}, tmp_path / "missing") == "UTC"
    elsewhere = tmp_path / "e"
    elsewhere.mkdir()
    assert system_zone_name({}, _link(elsewhere, "/nowhere/Europe/Lisbon")) == "UTC"


def test_the_setting_is_validated_shown_and_undoable(ctx: Context,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.current(ctx)["time-zone"] == "Europe/Lisbon"
    for bad in ("Mars/Olympus", "Europe", "../etc/passwd", "", "x" * 300):
        with pytest.raises(InputError) as caught:
            settings.set_value(ctx, "time-zone", bad)
        assert caught.value.field == "time-zone" and "IANA name" in caught.value.message
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert settings.set_value(ctx, "time-zone", "system") == \
        "Time zone: Asia/Tokyo (the system’s)."
    assert settings.current(ctx)["time-zone"] == "Asia/Tokyo (system)"
    assert read_zone_name() == "Asia/Tokyo"
    assert undo() == "set the time zone to Asia/Tokyo"
    assert read_zone_name() == "Europe/Lisbon"


def test_stored_times_and_labels() -> None:
    utc = datetime(2026, 3, 12, 18, 30, tzinfo=UTC)
    assert moment_text(utc) == "2026-03-12T18:30:00Z"
    assert moment_text(datetime(2026, 3, 12, 19)) == "2026-03-12T19:00:00"  # a wall time
    assert parse_moment("2026-03-12T18:30:00Z") == utc
    assert parse_moment("2026-03-12T19:00:00") == datetime(2026, 3, 12, 19)
    assert parse_moment(None) is None
    assert days_covered(datetime(2026, 3, 12, 22), datetime(2026, 3, 13, 0)) == \
        (date(2026, 3, 12), None)  # the end is exclusive
    assert days_covered(datetime(2026, 3, 12, 22), datetime(2026, 3, 14, 2)) == \
        (date(2026, 3, 12), date(2026, 3, 14))
    day = date(2026, 3, 12)
    tokyo = ZoneInfo("Asia/Tokyo")
    timed = EventRec(1, "Talk", day, starts_at=utc, ends_at=utc.replace(hour=20, minute=0))
    assert time_label(timed, ZoneInfo("Europe/Lisbon")) == "18:30–20:00"
    assert time_label(timed, tokyo) == "03:30–05:00"
    wall = EventRec(1, "Dinner", day, starts_at=datetime(2026, 3, 12, 19),
                    ends_at=datetime(2026, 3, 12, 21))
    assert time_label(wall, tokyo) == "19:00–21:00"  # a time without a zone stays put
    long = EventRec(1, "Hackathon", day, starts_at=utc, ends_at=datetime(2026, 3, 14, 17,
                                                                           tzinfo=UTC))
    assert time_label(long, ZoneInfo("Europe/Lisbon")) == "18:30 – Sat 14 Mar 17:00"
    assert time_label(EventRec(1, "Summit", day, last_day=date(2026, 3, 13)), tokyo) == \
        "until Fri 13 Mar"
    assert time_label(EventRec(1, "Day", day), tokyo) == ""
