"""Static files storage: whitenoise's compressed manifest storage, with each file's URL
remembered once looked up.

`{% static %}` runs a dozen times on every page, and each lookup in the manifest costs
tens of microseconds (name normalisation, the hashed-name table, URL joining). The
manifest cannot change while the process runs, so the answer for a name never changes
either: remembering it saves about half a millisecond per page.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._url_cache: dict[str, str] = {}

    def url(self, name, force=False):
        if force or name is None:
            return super().url(name, force)
        try:
            return self._url_cache[name]
        except KeyError:
            url = super().url(name, force)
            # A bounded table: only names that templates ask for, never user input, but
            # a limit keeps a mistake from growing it without end.
            if len(self._url_cache) < 2048:
                self._url_cache[name] = url
            return url
