"""The start-up machinery beside the CLI: the launcher (exit codes, pipes, Ctrl-C), the fast
path that answers from the cache before any framework loads, and the cache itself."""
