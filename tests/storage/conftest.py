"""A real S3 API for the storage tests: moto's server in a subprocess, one per test process."""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings

# The call and the contest the uploads go to, as the calls and media tests build them.
from tests.calls.conftest import calls_index, open_call  # noqa: F401 - fixtures
from tests.conftest import free_port
from tests.media.conftest import contest  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "wsis-media"
PRIVATE_BUCKET = f"{BUCKET}-private"  # the default when AWS_PRIVATE_STORAGE_BUCKET_NAME is unset
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
REGION = "us-east-1"


def public_read_policy(bucket):
    """The public bucket's policy, as the README gives it: anyone may read images (originals
    and renditions), nothing else; documents stay behind Wagtail's checked view."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{bucket}/images/*",
                    f"arn:aws:s3:::{bucket}/original_images/*",
                ],
            }
        ],
    }


def _unavailable(reason):
    message = f"needs moto_server (S3 API): {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _settings_storages(endpoint):
    """settings.STORAGES as the settings modules build it from the S3 environment variables:
    what production gets, not a copy of it written here."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(
        DJANGO_SETTINGS_MODULE="wsis_site.settings.test",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME=REGION,
        AWS_ACCESS_KEY_ID=CREDENTIALS["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=CREDENTIALS["aws_secret_access_key"],
    )
    script = "from django.conf import settings; import json; print(json.dumps(settings.STORAGES))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def s3_server():
    """The endpoint of a moto server holding the public and the private bucket."""
    try:
        import boto3
    except ImportError as error:
        _unavailable(str(error))
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed at teardown
    try:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    except OSError as error:
        log.close()
        _unavailable(str(error))
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{endpoint}/", timeout=1).close()  # noqa: S310 - our own
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                server.wait()
                log.seek(0)
                output = log.read().decode(errors="replace")[-2000:]
                log.close()
                _unavailable(f"it did not answer on {endpoint}\n{output}")
            time.sleep(0.1)
    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS)
    for bucket in (BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket)
    # moto answers anonymous requests as S3 does: by the bucket policy. The private bucket has
    # none, so nothing in it is readable without credentials.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read_policy(BUCKET)))
    yield endpoint
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


@pytest.fixture(scope="session")
def s3_storages(s3_server):
    return _settings_storages(s3_server)


@pytest.fixture
def s3_client(s3_server):
    import boto3

    return boto3.client("s3", endpoint_url=s3_server, region_name=REGION, **CREDENTIALS)


@pytest.fixture
def on_s3(s3_storages):
    """Uploads go to the moto buckets for the length of the test.

    override_settings sends setting_changed: Django then forgets its cached backends (storages
    and default_storage, which Wagtail's image, rendition and document fields use) and
    wsis_site.storage forgets the one behind the private fields."""
    with override_settings(STORAGES=s3_storages):
        yield


def keys(client, bucket):
    return {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
