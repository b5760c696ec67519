"""Data files of wbl itself (not of a rule pack): ``parts.toml``, the PR/FAQ parts' cue words."""
