"""``python -m framing``: the command line (see :mod:`framing.cli`)."""

from framing.cli import main

raise SystemExit(main())
