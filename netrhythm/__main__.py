"""Run netrhythm with ``python -m netrhythm``."""

from netrhythm.cli.main import main

raise SystemExit(main())
