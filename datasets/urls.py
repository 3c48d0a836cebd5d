"""Public addresses of the data layer, under /data/ (each part of the app adds its own)."""

app_name = "datasets"

urlpatterns = []
