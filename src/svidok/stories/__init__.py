"""Stories: articles about the same story across outlets and languages (first piece: near-duplicates)."""
