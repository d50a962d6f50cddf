"""`python -m trialdesk`."""

from trialdesk.app import main

raise SystemExit(main())
