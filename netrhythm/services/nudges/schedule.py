"""Ready-to-install scheduler entries for `netrhythm nudge`: systemd, cron, launchd."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path
from xml.sax.saxutils import escape

INTERVAL_MINUTES = 15


def executable() -> list[str]:
    """The absolute command that runs this netrhythm."""
    script = Path(sys.argv[0])
    if script.name == "netrhythm" and script.exists():
        return [str(script.resolve())]
    found = shutil.which("netrhythm")
    if found:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "netrhythm"]


def _systemd_quote(arg: str) -> str:
    if arg and all(c.isalnum() or c in "/._-+:@=," for c in arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd(db: Path) -> str:
    command = " ".join(_systemd_quote(a) for a in [*executable(), "--db", str(db), "nudge"])
    return f"""\
# ~/.config/systemd/user/netrhythm-nudge.service
[Unit]
Description=netrhythm: desktop nudges that keep your networking rhythm

[Service]
Type=oneshot
ExecStart={command}

# ~/.config/systemd/user/netrhythm-nudge.timer
[Unit]
Description=Check netrhythm nudges every {INTERVAL_MINUTES} minutes

[Timer]
OnCalendar=*:0/{INTERVAL_MINUTES}
Persistent=true

[Install]
WantedBy=timers.target

# Save the two parts above as those files, then run:
#   systemctl --user daemon-reload && systemctl --user enable --now netrhythm-nudge.timer
"""


def cron(db: Path) -> str:
    command = " ".join(shlex.quote(a) for a in [*executable(), "--db", str(db), "nudge"])
    bus = f"unix:path=/run/user/{os.getuid()}/bus" if hasattr(os, "getuid") else ""
    return (f"# Add with `crontab -e` (cron has no desktop session: the bus address is given)\n"
            f"*/{INTERVAL_MINUTES} * * * * DBUS_SESSION_BUS_ADDRESS={bus} {command}\n")


def launchd(db: Path) -> str:
    args = "\n".join(f"    <string>{escape(a)}</string>"
                     for a in [*executable(), "--db", str(db), "nudge"])
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<!-- ~/Library/LaunchAgents/org.netrhythm.nudge.plist; then:
     launchctl load ~/Library/LaunchAgents/org.netrhythm.nudge.plist -->
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>org.netrhythm.nudge</string>
  <key>ProgramArguments</key>
  <array>
{args}
  </array>
  <key>StartInterval</key>
  <integer>{INTERVAL_MINUTES * 60}</integer>
</dict>
</plist>
"""


def schedule(kind: str, db: Path) -> str:
    return {"systemd": systemd, "cron": cron, "launchd": launchd}[kind](db)
