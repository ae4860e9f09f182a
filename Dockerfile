# Production image: gunicorn behind the proxy/CDN, static files collected at build time and
# served by WhiteNoise, uploads in S3-compatible storage or a mounted volume (MEDIA_ROOT).
FROM python:3.12-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY wsis_site ./wsis_site
COPY home ./home
COPY events ./events
COPY calls ./calls
COPY partners ./partners
COPY media ./media
COPY manage.py ./
RUN python -m venv /venv \
    && /venv/bin/pip install --no-cache-dir --upgrade pip \
    && /venv/bin/pip install --no-cache-dir ".[postgres]"
RUN /venv/bin/python -m wsis_site.compile_translations \
    && DJANGO_SETTINGS_MODULE=wsis_site.settings.production \
       SECRET_KEY=collectstatic-only-not-used-at-run-time \
       STATIC_ROOT=/app/staticfiles \
       /venv/bin/python manage.py collectstatic --no-input -v0

FROM python:3.12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 wsis
COPY --from=build /venv /venv
COPY --from=build --chown=wsis:wsis /app /app
WORKDIR /app
USER wsis
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=wsis_site.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/var/media
EXPOSE 8000
# Asks the app itself (and through it, the database) whether it is healthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD \
    python -c "import os, urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0], 'X-Forwarded-Proto': 'https'}), timeout=4)"
CMD ["gunicorn", "wsis_site.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--no-control-socket"]
