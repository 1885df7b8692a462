"""The batch function: files dropped in the input bucket -> articles -> engine -> store and results bucket."""
