"""Name normalisation: cross-script name keys (Кіріл Дмітрієв = Кирило Дмитрієв = Kirill Dmitriev)."""

from .key import name_key, token_key

__all__ = ["name_key", "token_key"]
