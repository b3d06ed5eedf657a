"""Known propaganda narratives: a catalogue as data, matched by meaning, with stance."""
