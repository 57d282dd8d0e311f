"""Entry point for ``techpay`` and ``python -m techpay``."""

from __future__ import annotations

import sys

from techpay.start.launcher import main

if __name__ == "__main__":
    sys.exit(main())
