"""`python -m builder` is the `briefgen` command."""

import sys

from .cli import main

sys.exit(main())
