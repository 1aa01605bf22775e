"""Helpers of scripts/mine_lexicon.py: text utilities, the lexicon read from the data files, and one
module per mined resource (office-holders, cities, meetings). Standalone: imports nothing from sukien."""
