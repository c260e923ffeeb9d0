"""Output for people and programs. Each module renders one family of results."""
