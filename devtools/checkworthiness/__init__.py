"""Check-worthiness training: reading the CheckThat! 2024 files, metrics, and the training recipe.

The engine only scores (factextract/checkworthiness/model.py); everything here is for making the model.
"""
