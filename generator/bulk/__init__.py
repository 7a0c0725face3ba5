"""A whole đảng bộ in one run: every member's and organisation's documents, the lists
and the summary reports, classified in order (members → chi bộ → đảng bộ)."""
