"""nsclt: productivity-and-quality (NSCL) plan targets and results as reviewed YAML."""

__version__ = "0.1.0"
