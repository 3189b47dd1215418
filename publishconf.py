"""Settings for publishing (invoke preview / invoke gh-pages): pelicanconf.py plus the public address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The address the site is served from, e.g. https://USER.github.io/REPO (no trailing slash).
# Empty keeps links relative, so the output works from any folder.
SITEURL = os.environ.get("NEWS_DIGEST_SITEURL", "").rstrip("/")
RELATIVE_URLS = not SITEURL
DELETE_OUTPUT_DIRECTORY = True
