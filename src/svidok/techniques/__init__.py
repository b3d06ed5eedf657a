"""Manipulation techniques (UNLP 2025): a multilabel post classifier and a manipulative-span tagger.

``features`` turns text into hashed sparse features and token features, shared by training
(``training``, needs scipy) and inference (``model``, needs numpy and python-crfsuite only).
"""
