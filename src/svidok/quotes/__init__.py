"""Who said what and according to whom: the machinery behind the ``quotes`` and ``sources`` stages.

* :mod:`.lexicon` loads the per-language data (speech verbs, roles, source cues);
* :mod:`.context` indexes a Document (tokens by offset, names, quotation-mark spans);
* :mod:`.speakers` finds the speaker of a reporting verb;
* :mod:`.clauses` finds cue-driven quotes (``заявив, що …``, ``за словами X, …``, ``натякають на …``);
* :mod:`.direct` finds the quotation-mark quotes no cue clause claimed;
* :mod:`.attribution` finds source attributions and their scope.
"""
