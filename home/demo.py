"""The demo's home page, sections, standing pages and site settings live in ``demo_content/``."""

from portal.core.demo import DemoFiles

SITE_CONTENT = DemoFiles(__file__)  # the home page, sections, standing pages and settings
