"""Check-worthiness: features of a parsed sentence, the shipped model that scores them, its training."""
