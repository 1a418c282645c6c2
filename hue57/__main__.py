"""`python -m hue57 …`: the command line."""

import sys

from hue57.cli import main

sys.exit(main())
