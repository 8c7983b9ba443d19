"""Front Door settings, read from the environment.

Every value can be set with an environment variable of the same name (see
.env.example). Demo defaults apply only when DEBUG is on; in production a
missing required setting stops start-up with a message naming it.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", PROJECT_DIR / "var"))

TRUE_WORDS = {"true", "1", "yes", "on"}
FALSE_WORDS = {"false", "0", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    """Read a string; NAME_FILE, when set, names a file holding the value (for secrets)."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)


def required(name: str, demo_default: str) -> str:
    """A setting production must provide; the demo default is used only when DEBUG is on."""
    if value := env_str(name):
        return value
    if DEBUG:
        return demo_default
    raise ImproperlyConfigured(
        f"{name} is not set. Set it in the environment (see .env.example); only a DEBUG demo runs without it."
    )


SECRET_KEY = required("SECRET_KEY", "insecure-demo-key-do-not-use-in-production-0123456789")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", []) or required("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The council and the service.
SERVICE_NAME = env_str("SERVICE_NAME", "Front Door")
SERVICE_PHASE = env_str("SERVICE_PHASE", "beta")

INSTALLED_APPS = [
    # Our apps first, so their templates override those of the libraries.
    "frontdoor.govuk",
    "frontdoor.accounts",
    "frontdoor.timescales",
    "frontdoor.records",
    "frontdoor.people",
    "frontdoor.contacts",
    "frontdoor.casework",
    "frontdoor.protection",
    "frontdoor.earlyhelp",
    "frontdoor.returns",
    "frontdoor.workforce",
    "frontdoor.quality",
    "frontdoor.partners",
    "frontdoor.insight",
    "frontdoor.retention",
    "frontdoor.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "frontdoor.accounts.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "frontdoor.accounts.middleware.SessionLimitMiddleware",
    "frontdoor.accounts.middleware.MfaRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Axes last, so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "frontdoor.urls"
WSGI_APPLICATION = "frontdoor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frontdoor.govuk.context_processors.service",
                "frontdoor.accounts.context_processors.navigation",
            ],
        },
    },
]
FORM_RENDERER = "frontdoor.govuk.forms.GovukFormRenderer"

# Database: SQLite under var/ for a demo, PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        required("DATABASE_URL", f"sqlite:///{VAR_DIR / 'frontdoor.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if (database_file := str(DATABASES["default"]["NAME"])) and database_file != ":memory:":
        Path(database_file).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE transactions and WAL stop "database is locked" errors
        # when a web process and a task worker write at the same time.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    options = DATABASES["default"].setdefault("OPTIONS", {})
    # PostgreSQL's JIT compiler takes tens of milliseconds to compile a dashboard's grouped query that then runs in
    # less: these pages send many short queries, where it only adds time. Options in DATABASE_URL come after, so
    # a deployment can still turn it back on.
    options["options"] = f"-c jit=off {options.get('options', '')}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
        if (url := env_str("REDIS_URL"))
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Accounts and login.
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Single sign-on with the council's OpenID Connect provider (Microsoft Entra ID),
# off unless OIDC_CLIENT_ID is set. People are matched by email to existing
# accounts; none is ever created. Needs the `oidc` extra (mozilla-django-oidc).
# The provider's endpoints are read from its discovery document (OIDC_ISSUER +
# /.well-known/openid-configuration, or OIDC_DISCOVERY_URL) on first use; an
# endpoint set here overrides the document's.
OIDC_ENABLED = bool(env_str("OIDC_CLIENT_ID"))
OIDC_ISSUER = env_str("OIDC_ISSUER")
OIDC_DISCOVERY_URL = env_str("OIDC_DISCOVERY_URL")
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT")
OIDC_OP_LOGOUT_ENDPOINT = env_str("OIDC_END_SESSION_ENDPOINT")
OIDC_SIGN_IN_LABEL = env_str("OIDC_SIGN_IN_LABEL", "Sign in with your council account")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso-callback"
# Kept in the session for signing out at the provider too (its id_token_hint).
OIDC_STORE_ID_TOKEN = True
if OIDC_ENABLED:
    missing = [] if env_str("OIDC_CLIENT_SECRET") else ["OIDC_CLIENT_SECRET"]
    if not (OIDC_ISSUER or OIDC_DISCOVERY_URL):
        missing.append("OIDC_ISSUER (or OIDC_DISCOVERY_URL)")
    if missing:
        raise ImproperlyConfigured(f"OIDC_CLIENT_ID is set, so single sign-on also needs {', '.join(missing)}")
    AUTHENTICATION_BACKENDS.append("frontdoor.accounts.oidc.StaffOidcBackend")

# Lock an account after repeated failed logins; an administrator or the
# cool-off period unlocks it.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Keep typed secrets out of the failed-attempt log.
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0) or None
# Locking by IP address as well would lock out a whole council office that
# shares one address behind its firewall after five mistakes by anyone in it.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Sessions end after a period without activity (30 minutes by default).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# However active, a session ends this many hours after sign-in (a working day and a bit).
SESSION_ABSOLUTE_HOURS = env_int("SESSION_ABSOLUTE_HOURS", 10)

# A second factor (an authenticator app) for every account. Off in a DEBUG
# demo so the demo logins work with a password alone.
MFA_REQUIRED = env_bool("MFA_REQUIRED", not DEBUG)
# How long someone has, after their password, to enter their code.
MFA_PENDING_MINUTES = 5

# Passkeys (WebAuthn) as a second factor. A passkey is bound to the relying
# party ID (the site's domain name) and signs the origin the browser shows, so
# both must be this service's own. Unset, they are the address the browser
# used, which Django has already checked against ALLOWED_HOSTS.
WEBAUTHN_ORIGIN = env_str("WEBAUTHN_ORIGIN").rstrip("/")
WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID")
# How long a passkey challenge can be answered, in seconds.
WEBAUTHN_CHALLENGE_SECONDS = 300
if not DEBUG and not WEBAUTHN_ORIGIN and any(host == "*" or host.startswith(".") for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS accepts any host name, so passkeys cannot take their origin from it: set WEBAUTHN_ORIGIN"
    )

# Transport and browser security.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Swagger UI sets inline styles as it draws; its page shows no one's data.
API_DOCS_CSP: dict[str, list[str]] = {**SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}

# Time: aware datetimes in Europe/London; statutory dates are dates.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
FORMAT_MODULE_PATH = ["frontdoor.formats"]

# Static files: GOV.UK Frontend compiled into build/static by `make assets`.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Built statutory returns wait here for their download: they hold thousands of children's records.
RETURNS_DIR = Path(env_str("RETURNS_DIR", str(VAR_DIR / "returns")))
STATICFILES_DIRS = [PROJECT_DIR / "build" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# In DEBUG, serve straight from the app and build folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
NODE_MODULES_DIR = PROJECT_DIR / "node_modules"

# The API.
REST_FRAMEWORK = {
    # The token class first: DRF takes the WWW-Authenticate header of the
    # first class, and answers 401 (not 403) only when there is one.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "frontdoor.accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "frontdoor.api.problems.problem_exception_handler",
    "DEFAULT_THROTTLE_RATES": {"user": "1000/hour"},
}
# Uploaded CSV files (police notifications, call logs) larger than this are refused before they are read.
# A year's call log at a busy front door is about 20 MB, and an import holds its file in memory.
UPLOAD_MAX_MEGABYTES = env_int("UPLOAD_MAX_MEGABYTES", 25)

SPECTACULAR_SETTINGS = {
    "TITLE": "Front Door API",
    "DESCRIPTION": (
        "The REST API of Front Door, children's social care front door case management. "
        "Authenticate with a session or with an API token: `Authorization: Bearer <token>`. "
        "Errors are JSON problem details (RFC 9457)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "frontdoor.api.schema.document_problems",
    ],
    # Several models have a "kind": each choice set gets its own name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "SupervisionKindEnum": "frontdoor.workforce.models.SupervisionSession.Kind",
        "StrategyDiscussionKindEnum": "frontdoor.protection.models.StrategyDiscussion.Kind",
        "AssessmentKindEnum": "frontdoor.casework.models.AssessmentKind",
        "AuditGradeEnum": "frontdoor.quality.models.Grade",
        "PoliceNotificationKindEnum": "frontdoor.partners.models.PoliceNotification.Kind",
        "PoliceNotificationSourceEnum": "frontdoor.partners.models.PoliceNotification.Source",
        "SourceEnum": "frontdoor.codes.ReferralSource",
        "NotificationPersonRoleEnum": "frontdoor.partners.models.NotificationPerson.Role",
        "TriageOutcomeEnum": "frontdoor.partners.models.TriageDecision.Outcome",
        "PortalConsentEnum": "frontdoor.partners.portal_forms.CONSENT_CHOICES",
        "OutcomeEnum": "frontdoor.contacts.models.Outcome",
        "ConsentEnum": "frontdoor.contacts.models.Consent",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
