"""Settings shared by every environment.

Everything that differs between machines is read from the environment, with embedded
defaults that need nothing installed: SQLite, local-memory cache, in-process tasks.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.accounts",
    "portal.contacts",
    "feedback",
    "portal.engagement",
    "portal.core",
    "home",
    "stories",
    "literacy",
    "literacy.modules",
    "literacy.training",
    "literacy.games",
    "literacy.competitions",
    "forums",
    "newsletters",
    "datasets",
    "trust",
    "ambassadors",
    "consultations",
    "satisfaction",
    "areas",
    "api",
    "ninja",  # its templates and static files: the API docs load nothing from a CDN
    "wagtail_localize",
    # Replaces wagtail.locales: the locales' admin with the translation workflow's settings.
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_rq",  # the RQ task backend's queues and its `rqworker` command
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.caching.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the address's prefix (/en/, /fr/, /ar/); an address without one goes on to
    # the visitor's language (cookie, Accept-Language) (docs/languages.md).
    "portal.core.language_urls.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.core.private.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.core.input.RefuseNulCharactersMiddleware",
    "portal.core.input.UnknownListFiltersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.core.framing.PreviewFramingMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, e.g. postgres://user@localhost:5432/portal; SQLite by default.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set, otherwise this process's memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Whole-page cache for anonymous visitors (portal/caching), in the default cache (Redis when
# REDIS_URL is set). Page types opt in; publishing purges the page and the pages that list it.
PAGE_CACHE = {
    "ALIAS": "default",
    "SECONDS": env_int("PAGE_CACHE_SECONDS", 600),  # 0 turns the cache off
    "S_MAXAGE": env_int("PAGE_CACHE_S_MAXAGE", 300),  # what a CDN in front may keep
    "STALE_WHILE_REVALIDATE": env_int("PAGE_CACHE_STALE_WHILE_REVALIDATE", 60),
    # What every page shows around its content (menu, footer), rendered once for all pages until
    # any page or setting changes; 0 turns it off.
    "CHROME_SECONDS": env_int("PAGE_CACHE_CHROME_SECONDS", 600),
    # Shown on many pages: saving one retires every cached page.
    "PURGE_SITE_ON_SAVE": [
        "home.SiteSettings",
        "stories.GlossaryTerm",
        "stories.ContactPerson",
        "forums.Forum",  # its title and description are on the forum pages and the home page
        "wagtailcore.Site",
    ],
    # Called on every response served from the cache: views are counted all the same.
    "ON_HIT": ["portal.engagement.page_views.count_cached_response"],
}
# The engagement dashboard ranks the most viewed pages of this type.
ENGAGEMENT_TOP_PAGES_MODEL = "stories.DataStoryPage"
# Page views are added up in each process and written to the database this often.
PAGE_VIEWS_FLUSH_SECONDS = env_int("PAGE_VIEWS_FLUSH_SECONDS", 10)
# Wagtail's front-end cache purging: always the site's own cache, plus a CDN when configured.
WAGTAILFRONTENDCACHE = {"site": {"BACKEND": "portal.core.caching.backends.SitePageCacheBackend"}}
if env_str("FRONTEND_CACHE_PURGE_URL"):  # e.g. Varnish or nginx accepting PURGE requests
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
    }
if env_str("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

# Background work through Django's tasks API (the django-tasks package that Wagtail uses).
# In-process by default; TASKS_BACKEND names a real backend, e.g. django_tasks_rq's.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}
# The queues of the RQ backend ("django_tasks_rq.RQBackend"), on the same Redis as the cache.
# A worker: `manage.py rqworker default --job-class django_tasks_rq.backend.Job --with-scheduler`.
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://localhost:6379/0", "DEFAULT_TIMEOUT": 3600}}

# Datasets: an uploaded file bigger than this is imported in the background by a worker; it waits
# in DATASETS_IMPORT_DIR (private, never served; shared by app servers and workers; by default
# private-media/dataset-imports/ beside MEDIA_ROOT) and is deleted after the run.
DATASETS_BACKGROUND_IMPORT_BYTES = env_int("DATASETS_BACKGROUND_IMPORT_BYTES", 1024 * 1024)
DATASETS_IMPORT_DIR = env_str("DATASETS_IMPORT_DIR", "")

# Newsletters: sending pace and retries, the bounce webhook's secret, and open/click counting.
NEWSLETTER_SEND_RATE = env_int("NEWSLETTER_SEND_RATE", 0)  # emails per second; 0 means no limit
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
NEWSLETTER_RETRY_DELAY = env_int("NEWSLETTER_RETRY_DELAY", 60)  # seconds, doubled on each attempt
NEWSLETTER_CLAIM_TIMEOUT = env_int("NEWSLETTER_CLAIM_TIMEOUT", 600)  # seconds before a stuck send is retried
# PostgreSQL: a send's "sent" stamps do not wait for the disk (kept unless the database server crashes)
NEWSLETTER_ASYNC_COMMIT = env_bool("NEWSLETTER_ASYNC_COMMIT", True)
NEWSLETTER_CONFIRMATION_MAX_AGE = env_int("NEWSLETTER_CONFIRMATION_MAX_AGE", 3 * 24 * 60 * 60)
NEWSLETTER_WEBHOOK_SECRET = env_str("NEWSLETTER_WEBHOOK_SECRET")
NEWSLETTER_TRACKING = env_bool("NEWSLETTER_TRACKING", True)  # aggregate open and click counts only

# Email: each environment picks a backend; SMTP settings come from the environment.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# The name emails and the admin sign with, whatever host a request reached.
SITE_NAME = env_str("SITE_NAME", "Portal")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Portal <no-reply@portal.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# The training team: ORGANIZER of the sessions' calendar invitations (RFC 5546).
TRAINING_EMAIL = env_str("TRAINING_EMAIL", "training@portal.example")
TRAINING_EMAIL_NAME = env_str("TRAINING_EMAIL_NAME", f"{SITE_NAME} training team")

# Accounts: email is the login; django-allauth does sign-up, verification and resets.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_FORMS = {"signup": "portal.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
# allauth's rate limits (sign-up, login, failed logins, resets) are on by default; these are
# stated so that they are visible and reviewable in one place.
ACCOUNT_RATE_LIMITS = {
    "signup": "10/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    # The site's own forms, through portal.core.ratelimit.limit_or_429.
    "training_registration": "10/m/ip,3/m/key",
    "newsletter_signup": "10/m/ip,3/m/key",
    "forum_post": "20/m/ip,5/m/user",
    "forum_report": "10/m/ip,10/h/user",
    "module_answer": "120/m/ip",
    "game_answer": "120/m/ip",
    "game_score": "10/m/ip",
    "competition_entry": "10/m/ip,5/h/user",
    "page_feedback": "10/m/ip",
    "data_request": "5/m/ip,3/m/key",
    "misuse_report": "5/m/ip,3/m/key",
    # Area maps (GET; a map not yet cached is drawn on request), per address.
    "area_map": "120/m/ip",
    "ambassador_application": "5/m/ip,3/m/key",
    "ambassador_link": "30/m/user",
    # Visits through a share link are counted up to this rate per address (the redirect still works).
    "share_visit": "20/m/ip",
    # Finding and comparing areas (GET forms and the autocomplete), per address.
    "area_search": "120/m/ip",
    # A consultation's questionnaire, per address (the email is optional, so not per email).
    "consultation_response": "5/m/ip",
    "satisfaction_survey": "5/m/ip",
    # The open data API (reads too), per address; with an API key, per key.
    "api": env_str("API_RATE_ANONYMOUS", "300/m/ip"),
    "api_key": env_str("API_RATE_KEY", "3000/m/key"),
    "api_key_create": "10/h/user",
}
API_KEYS_PER_USER = env_int("API_KEYS_PER_USER", 5)

# Internationalisation
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("fr", "Français"), ("ar", "العربية")]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
# Content is translated page by page (wagtail-localize): every page and translatable snippet has a
# locale, one per language above (docs/languages.md).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The interface's French and Arabic catalogues: each app keeps its own in <app>/locale; the
# project-level templates' in portal/locale (docs/languages.md).
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_TZ = True

# Static files are served by the site itself (WhiteNoise); no external CDN.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Media files are served by the web server in front (or come from S3); only a single machine
# without one (deploy/serve-prod) lets Django serve them.
SERVE_MEDIA_FILES = env_bool("SERVE_MEDIA_FILES", False)

# Media storage: the local file system, or any S3-compatible store when a bucket is named.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers that hold everywhere; production adds HSTS and secure cookies.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Content Security Policy for the public site: no inline scripts or styles, nothing from
# other hosts. The Wagtail admin keeps its own rules.
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth's reset flow serves staff too
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # refuses decompression bombs
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Every page save runs search-index and reference-index tasks; their chatter is noise.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
        # Font subsetting for every tagged PDF logs each glyph table it touches.
        "fontTools": {"level": "WARNING"},
    },
}
