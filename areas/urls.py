"""Area pages: every region and municipality, its map, search and comparisons."""

from django.urls import path

from . import map_views, profiles

app_name = "areas"

urlpatterns = [
    path("map/", map_views.map_page, name="map"),
    path("map.svg", map_views.map_svg_file, name="map_svg"),
    path("map.png", map_views.map_png_file, name="map_png"),
    path("<str:code>/profile.pdf", profiles.profile_pdf, name="profile_pdf"),
]
