"""``python -m generator``: the ``briefing`` command. Ctrl-C while starting up exits quietly."""

import sys

try:
    from generator.cli import main
except KeyboardInterrupt:
    sys.exit(130)

main()
