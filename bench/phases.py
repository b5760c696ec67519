"""Phases of a cold one-file `wbl check --no-cache`, each timed in a fresh process (prints; asserts nothing)."""
