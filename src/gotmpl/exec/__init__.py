"""Execution: nodes compiled to closures, Go's lookup and call rules, builtins, run state."""
