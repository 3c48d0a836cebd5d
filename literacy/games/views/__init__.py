"""The games' public side; the page models route here (RoutablePageMixin), page first."""
