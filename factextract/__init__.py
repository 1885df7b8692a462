"""factextract: attributed quotes, figures, claims and entities from news text."""

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]


def __getattr__(name: str):
    if name == "extract":
        from factextract.pipeline import extract

        return extract
    raise AttributeError(name)
