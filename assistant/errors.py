"""Every error the assistant raises on purpose, in one place."""


class AssistantError(Exception):
    """Base class: the message is safe to show to a user."""


class IngestError(AssistantError):
    """A document could not be ingested; nothing was changed."""


class UnsupportedFormatError(IngestError):
    """The file type is not one we can read."""


class EmptyDocumentError(IngestError):
    """The file holds no usable text."""


class DecodeError(IngestError):
    """The text could not be decoded."""


class OversizedFileError(IngestError):
    """The file is larger than the configured limit."""


class LimitExceededError(IngestError):
    """The file exceeds an ingestion limit (pages, characters, rows, archive, time, memory); the message names it."""


class DuplicateDocumentError(IngestError):
    """The same content is already loaded under another id; the message names that document."""


class UnknownDocumentError(AssistantError):
    """No document with that id is registered."""


class IndexUnavailableError(AssistantError):
    """The vector store cannot be reached or opened."""


class InvalidInputError(AssistantError):
    """A question or form value is unusable (empty, too long, not text)."""


class ModelUnavailableError(AssistantError):
    """An embedding or reranking model cannot be loaded from local files."""


class UnknownAnswerError(AssistantError):
    """Feedback names an answer this server did not produce (or no longer remembers)."""
