"""techpay: a command-line career explorer for the highest paying tech jobs of 2026."""

__version__ = "0.1.0"
