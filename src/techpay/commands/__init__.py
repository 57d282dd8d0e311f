"""What each command does and prints, with no command-line framework: the Typer commands
in techpay.cli and the fast path in techpay.start both call these."""
