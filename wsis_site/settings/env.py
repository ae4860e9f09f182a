"""Every setting that comes from the environment, read and typed in this one place.

The README's configuration table documents each variable below; keep the two in step.
"""

import ipaddress
import secrets
from dataclasses import dataclass
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

_env = environ.Env()


@dataclass(frozen=True)
class Environment:
    secret_key: str
    debug: bool
    allowed_hosts: list[str]
    csrf_trusted_origins: list[str]
    database: dict
    redis_url: str
    email_url: str
    email: dict
    default_from_email: str
    server_email: str
    wagtailadmin_base_url: str
    media_root: Path
    private_media_root: Path
    calls_rate_limit: tuple[int, int]
    prizes_vote_rate_limit: tuple[int, int]
    prizes_network_burst: tuple[int, int]
    prizes_rapid_votes: tuple[int, int]
    prizes_voter_retention_days: int
    static_root: Path
    secure_ssl_redirect: bool
    secure_hsts_seconds: int
    machine_translator: dict | None
    trusted_proxies: tuple
    s3: dict | None
    admin_two_factor_required: bool
    newsletter: dict
    page_cache_seconds: int
    page_cache_stale_seconds: int
    frontend_cache: dict | None


def _machine_translator() -> dict | None:
    """wagtail-localize's machine translation: DeepL when DEEPL_API_KEY is set, else
    LibreTranslate when LIBRETRANSLATE_URL is set, else none (translators type everything)."""
    deepl_key = _env.str("DEEPL_API_KEY", default="")
    if deepl_key:
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_key},
        }
    libretranslate_url = _env.str("LIBRETRANSLATE_URL", default="")
    if libretranslate_url:
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url,
                "API_KEY": _env.str("LIBRETRANSLATE_API_KEY", default=""),
            },
        }
    return None


def _email_config(email_url: str) -> dict:
    """EMAIL_URL as Django settings; `console://` prints e-mails instead of sending them."""
    if not email_url:
        return {}
    if email_url.startswith("console:"):
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    return _env.email_url_config(email_url)


def _trusted_proxies(value: list[str]) -> tuple:
    """TRUSTED_PROXIES: the CIDRs of the proxies in front of the app servers."""
    return tuple(ipaddress.ip_network(cidr.strip(), strict=False) for cidr in value if cidr)


def _s3() -> dict | None:
    """S3-compatible object storage for uploads, when AWS_STORAGE_BUCKET_NAME is set."""
    bucket = _env.str("AWS_STORAGE_BUCKET_NAME", default="")
    if not bucket:
        return None
    return {
        "bucket": bucket,
        "private_bucket": _env.str("AWS_PRIVATE_STORAGE_BUCKET_NAME", default=f"{bucket}-private"),
        "endpoint_url": _env.str("S3_ENDPOINT_URL", default="") or None,
        "region_name": _env.str("AWS_S3_REGION_NAME", default="") or None,
        "access_key": _env.str("AWS_ACCESS_KEY_ID", default="") or None,
        "secret_key": _env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
        "custom_domain": _env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
    }


def _frontend_cache() -> dict | None:
    """The CDN or proxy cache that publishing purges (wagtail.contrib.frontend_cache): a
    Varnish-style PURGE URL, Cloudflare, or CloudFront, whichever is configured (several may be)."""
    backends = {}
    purge_url = _env.str("FRONTEND_CACHE_PURGE_URL", default="")
    if purge_url:
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    cloudflare_token = _env.str("CLOUDFLARE_API_TOKEN", default="")
    if cloudflare_token:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": cloudflare_token,
            "ZONEID": _env.str("CLOUDFLARE_ZONE_ID"),
        }
    cloudfront_distribution = _env.str("CLOUDFRONT_DISTRIBUTION_ID", default="")
    if cloudfront_distribution:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": cloudfront_distribution,
        }
    return backends or None


def _local_secret_key() -> str:
    """A key generated once per checkout for local use, kept in var/ (never committed)."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _rate_limit(value: str) -> tuple[int, int]:
    """'20/600': at most 20 submissions per client and call in 600 seconds."""
    count, _slash, seconds = value.partition("/")
    return int(count), int(seconds or 60)


def read_environment(
    *,
    require_secret_key: bool = False,
    default_debug: bool = False,
    default_admin_two_factor_required: bool = False,
) -> Environment:
    secret_key = _env.str("SECRET_KEY", default="")
    if not secret_key:
        if require_secret_key:
            raise environ.ImproperlyConfigured("SECRET_KEY must be set in production.")
        secret_key = _local_secret_key()
    email_url = _env.str("EMAIL_URL", default="")
    return Environment(
        secret_key=secret_key,
        debug=_env.bool("DEBUG", default=default_debug),
        allowed_hosts=_env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"]),
        csrf_trusted_origins=_env.list("CSRF_TRUSTED_ORIGINS", default=[]),
        database=_env.db_url_config(
            _env.str("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
        ),
        redis_url=_env.str("REDIS_URL", default=""),
        email_url=email_url,
        email=_email_config(email_url),
        default_from_email=_env.str("DEFAULT_FROM_EMAIL", default="WSIS <wsis-info@itu.int>"),
        server_email=_env.str("SERVER_EMAIL", default="wsis-site@itu.int"),
        wagtailadmin_base_url=_env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000"),
        media_root=Path(_env.str("MEDIA_ROOT", default=str(VAR_DIR / "media"))),
        private_media_root=Path(_env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))),
        calls_rate_limit=_rate_limit(_env.str("CALLS_RATE_LIMIT", default="20/600")),
        prizes_vote_rate_limit=_rate_limit(_env.str("PRIZES_VOTE_RATE_LIMIT", default="5/600")),
        prizes_network_burst=_rate_limit(_env.str("PRIZES_NETWORK_BURST", default="20/600")),
        prizes_rapid_votes=_rate_limit(_env.str("PRIZES_RAPID_VOTES", default="60/10")),
        prizes_voter_retention_days=_env.int("PRIZES_VOTER_RETENTION_DAYS", default=180),
        static_root=Path(_env.str("STATIC_ROOT", default=str(VAR_DIR / "static"))),
        secure_ssl_redirect=_env.bool("SECURE_SSL_REDIRECT", default=True),
        secure_hsts_seconds=_env.int("SECURE_HSTS_SECONDS", default=31536000),
        machine_translator=_machine_translator(),
        trusted_proxies=_trusted_proxies(_env.list("TRUSTED_PROXIES", default=[])),
        s3=_s3(),
        admin_two_factor_required=_env.bool(
            "ADMIN_TWO_FACTOR_REQUIRED", default=default_admin_two_factor_required
        ),
        newsletter={
            "from_email": _env.str(
                "NEWSLETTER_FROM_EMAIL", default="WSIS Flash <wsis-info@itu.int>"
            ),
            "batch_size": _env.int("NEWSLETTER_BATCH_SIZE", default=200),
            "stale_seconds": _env.int("NEWSLETTER_STALE_SECONDS", default=600),
        },
        page_cache_seconds=_env.int("PAGE_CACHE_SECONDS", default=600),
        page_cache_stale_seconds=_env.int("PAGE_CACHE_STALE_SECONDS", default=60),
        frontend_cache=_frontend_cache(),
    )
