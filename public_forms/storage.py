from wsis_site import storage


def private_storage():
    """The storage of files sent to us (settings.STORAGES["private"]): no public URL, served only
    by the permission-checked views. Named by migrations: keep this import path."""
    return storage.private_storage
