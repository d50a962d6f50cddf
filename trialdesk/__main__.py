"""`python -m trialdesk`."""

from trialdesk.cli.main import main

raise SystemExit(main())
