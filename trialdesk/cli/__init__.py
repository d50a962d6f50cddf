"""The `trialdesk` command line, on the same engine as the interface."""
