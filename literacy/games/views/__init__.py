"""The games' public side: the game pages' addresses (literacy/games/urls.py) come here, page first."""
