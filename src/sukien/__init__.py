"""sukien: Vietnamese news in, a cited record of diplomatic events and trips out."""

__version__ = "0.1.0"
