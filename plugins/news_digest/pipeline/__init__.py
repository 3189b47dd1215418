"""The analysis pipeline: plain typed functions and dataclasses, no Pelican or Jinja imports."""
