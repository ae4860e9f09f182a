# The production image. The same image runs every process of the site, by its command:
#   the app (default)  gunicorn wsis_site.wsgi …, behind the proxy/CDN
#   the task worker    python manage.py db_worker --queue-name '*'
#   the release step   python manage.py check --deploy && migrate --no-input && setup_roles
#   scheduled jobs     python manage.py send_outbox | publish_scheduled | finish_photo_decisions
#                      | notify_translators
# compose.yaml wires them together. Static files and compiled translations are built in here
# and served by WhiteNoise. Uploads are never kept in a container: they go to S3-compatible
# storage (AWS_STORAGE_BUCKET_NAME…), or else to /data, which must then be a mounted volume
# shared by every process (see README.md, "Production").
FROM python:3.12-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
# One line per package of pyproject.toml's [tool.setuptools.packages.find].
COPY wsis_site ./wsis_site
COPY home ./home
COPY events ./events
COPY calls ./calls
COPY partners ./partners
COPY media ./media
COPY outbox ./outbox
COPY public_forms ./public_forms
COPY manage.py ./
RUN python -m venv /venv \
    && /venv/bin/pip install --no-cache-dir --upgrade pip \
    && /venv/bin/pip install --no-cache-dir ".[postgres]"
# Production settings refuse to start without a secret key and EMAIL_URL: these two are for
# collectstatic only, never seen at run time.
RUN /venv/bin/python -m wsis_site.compile_translations \
    && DJANGO_SETTINGS_MODULE=wsis_site.settings.production \
       SECRET_KEY=collectstatic-only-not-used-at-run-time \
       EMAIL_URL=console:// \
       STATIC_ROOT=/app/staticfiles \
       /venv/bin/python manage.py collectstatic --no-input -v0

FROM python:3.12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 wsis \
    && mkdir /data \
    && chown wsis:wsis /data
COPY --from=build /venv /venv
COPY --from=build --chown=wsis:wsis /app /app
WORKDIR /app
USER wsis
# Without S3, uploads go under /data: mount a volume there (one for every process), or they
# are lost with the container.
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=wsis_site.settings.production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/private
EXPOSE 8000
# The app's own health (/healthz: database, cache, storage, task backlog). Only the app serves
# HTTP: the worker and the release step run without it (compose.yaml, or `--no-healthcheck`).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD \
    python -c "import os, urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0], 'X-Forwarded-Proto': 'https'}), timeout=4)"
CMD ["gunicorn", "wsis_site.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--no-control-socket"]
