"""Area pages: every region and municipality, its map, search and comparisons. The fixed
routes come before ``<code>/``: no area code may be ``map``, ``compare`` or ``suggest``."""

from django.urls import path

from portal.core.caching.pagecache import cacheable_for_anonymous

from . import map_views, profile_pdf, views

app_name = "areas"

urlpatterns = [
    path("", cacheable_for_anonymous(views.find), name="find"),
    path("suggest/", views.suggest, name="suggest"),
    path("compare/", cacheable_for_anonymous(views.compare), name="compare"),
    path("map/", cacheable_for_anonymous(map_views.map_page), name="map"),
    path("map/embed/", map_views.map_embed, name="map_embed"),
    path("map.svg", map_views.map_svg_file, name="map_svg"),
    path("map.png", map_views.map_png_file, name="map_png"),
    path("<str:code>/", cacheable_for_anonymous(views.area_page), name="area"),
    path("<str:code>/embed/", views.embed, name="embed"),
    path("<str:code>/data.<str:fmt>", views.download, name="download"),
    path("<str:code>/profile.pdf", profile_pdf.profile_pdf, name="profile_pdf"),
]
