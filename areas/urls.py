"""Area pages: every region and municipality, its map, search and comparisons."""

app_name = "areas"

urlpatterns = []
