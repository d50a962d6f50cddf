"""Shared test set-up.

Qt needs a platform before anything imports it; offscreen works with no display.
Sockets are blocked for every test by pytest-socket (see pyproject's addopts).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
