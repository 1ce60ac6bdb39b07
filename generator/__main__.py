"""``python -m generator``: the ``briefing`` command. Ctrl-C while starting up or shutting down
exits quietly."""

import sys

try:
    from generator.cli import run
except KeyboardInterrupt:
    sys.exit(130)

run()
