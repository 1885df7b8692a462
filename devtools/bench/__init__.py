"""`python -m devtools bench`: one process, one table of medians, each beside a baseline measured in the same run.

Kept free of imports: the probe subprocess imports this package first, and its start-up is being measured.
"""
