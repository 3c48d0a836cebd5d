"""Training serves nothing outside the page tree: its public addresses are routes of the training
index and session pages (models.py, handled in views.py), and its admin addresses come from
wagtail_hooks.py. Kept so that the app has the same shape as the others; add addresses here."""

urlpatterns = []
