"""Errors the store raises, each worded for the person at the keyboard."""


class StoreError(Exception):
    """A store cannot be opened or used; the message says why and what to do."""


class NotFound(StoreError):
    """The record asked for does not exist (any more)."""
