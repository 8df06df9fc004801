"""`python -m indicators.cli`: the same command line as `partnership-monitor`."""

import sys

from indicators.cli import main

sys.exit(main())
