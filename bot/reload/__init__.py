"""Hot reload of ``intents/`` and ``knowledge/`` while the web process runs: :class:`Reloader` validates
and swaps in edited YAML (:mod:`bot.reload.reloader`); the file watcher and ``SIGHUP`` trigger it
(:mod:`bot.reload.watching`)."""
from bot.reload.reloader import Reloader, ReloadResult
from bot.reload.watching import fingerprint

__all__ = ["Reloader", "ReloadResult", "fingerprint"]
