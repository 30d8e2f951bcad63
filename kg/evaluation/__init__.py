"""Evaluation against gold annotations: the seed gold and public data sets."""
