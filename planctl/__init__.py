"""planctl: outline and compare Chinese local five-year plans and government work reports."""

__version__ = "0.1.0"
