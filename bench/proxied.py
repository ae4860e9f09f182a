"""An HTTP client that talks to an app server as the TLS-terminating proxy in front of it does.

Production settings mark the session and CSRF cookies Secure and trust X-Forwarded-Proto. A
benchmark or a script speaks plain HTTP to gunicorn on 127.0.0.1, so it says it came over
HTTPS (X-Forwarded-Proto, an https Referer for the CSRF check) and sends the Secure cookies
back itself, as a browser would over the HTTPS connection the proxy ended.
"""

import html as html_lib
import re
from urllib.parse import urljoin, urlsplit

import requests


class ProxiedClient:
    def __init__(self, base_url, timeout=60):
        self.base_url = base_url.rstrip("/") + "/"
        self.host = urlsplit(self.base_url).netloc
        self.timeout = timeout
        self.session = requests.Session()
        self.last_url = None

    def url(self, path):
        return urljoin(self.base_url, path)

    def request(self, method, path, *, referer=None, headers=None, **kwargs):
        """One request, never following redirects (a redirect's cookies must be kept first)."""
        url = self.url(path)
        sent = {"X-Forwarded-Proto": "https"}
        referer = referer or self.last_url
        if referer:
            # Django's CSRF check on a secure request wants an https Referer of the same host.
            sent["Referer"] = "https://" + self.host + urlsplit(referer).path
        sent.update(headers or {})
        kwargs.setdefault("timeout", self.timeout)
        response = self.session.request(method, url, headers=sent, allow_redirects=False, **kwargs)
        # requests keeps Secure cookies for https:// only; this connection is the proxy's.
        for cookie in self.session.cookies:
            cookie.secure = False
        if method == "GET":
            self.last_url = url
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)


def hidden_inputs(html):
    """The hidden fields of the page's forms, by name: the CSRF token, the signed start time,
    the one-time submission token…"""
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        if not re.search(r'type="hidden"', tag):
            continue
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = html_lib.unescape(value.group(1)) if value else ""
    return fields
