"""Area pages: every region and municipality, its map, search and comparisons."""

from django.urls import path

from . import views

app_name = "areas"

urlpatterns = [
    path("", views.find, name="find"),
    path("suggest/", views.suggest, name="suggest"),
    path("compare/", views.compare, name="compare"),
    path("<str:code>/", views.area_page, name="area"),
    path("<str:code>/embed/", views.embed, name="embed"),
    path("<str:code>/data.<str:fmt>", views.download, name="download"),
]
