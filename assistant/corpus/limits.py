"""Limits checked while a file is parsed: the characters extracted so far, and Office archives before they open.

Every refusal is a ``LimitExceededError`` whose message names the limit that was hit.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from assistant.errors import DecodeError, LimitExceededError
from assistant.settings import IngestLimits

MB = 1024 * 1024
CHUNK = 64 * 1024
LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, 22 bytes not needed here, name length, extra field length
LOCAL_SIGNATURE = b"PK\x03\x04"


class CharBudget:
    """Counts the characters a loader extracts and stops it as soon as the file yields more than the limit."""

    def __init__(self, name: str, limit: int) -> None:
        self.name, self.limit, self.used = name, limit, 0

    def spend(self, text: str) -> str:
        self.used += len(text)
        if self.used > self.limit:
            raise LimitExceededError(f"{self.name} 提取出的文字超过 {self.limit} 字上限，未导入")
        return text


def expanded_too_large(name: str, limits: IngestLimits) -> LimitExceededError:
    return LimitExceededError(f"{name} 解压后超过 {limits.max_unzipped_mb:g} MB 上限，未导入")


def checked_archive(data: bytes, name: str, folder: str, kind: str, limits: IngestLimits) -> io.BytesIO:
    """The bytes of an Office file as a stream, once its zip archive is known to stay within the limits.

    First the central directory: member count and declared sizes. Then every member is inflated in
    chunks (the output is counted, not kept) so that its actual size counts too, whatever it declares.
    ``folder`` is the part every such file has (``word/``, ``xl/``): a .docx renamed .xlsx stops here.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError):
        raise DecodeError(f"{name} 不是有效的 Office 文件（文件损坏或扩展名不符）") from None
    if len(members) > limits.max_zip_members:
        raise LimitExceededError(
            f"{name} 压缩包内有 {len(members)} 个文件，超过 {limits.max_zip_members} 个上限，未导入")
    cap = int(limits.max_unzipped_mb * MB)
    if sum(member.file_size for member in members) > cap:
        raise expanded_too_large(name, limits)
    if not any(member.filename.startswith(folder) for member in members):
        raise DecodeError(f"{name} 的内容与扩展名不符（不是 {kind} 文件），请确认文件类型后再导入")
    expanded = 0
    for member in members:
        try:
            expanded += expanded_size(data, member, cap - expanded)
        except (zipfile.BadZipFile, zlib.error, struct.error):
            raise DecodeError(f"{name} 已损坏、已加密或使用了不支持的压缩方式，无法读取") from None
        if expanded > cap:
            raise expanded_too_large(name, limits)
    return io.BytesIO(data)


def expanded_size(data: bytes, member: zipfile.ZipInfo, budget: int) -> int:
    """The actual size of one member once inflated; counting stops as soon as it passes ``budget``."""
    raw = compressed_bytes(data, member)
    if member.compress_type == zipfile.ZIP_STORED:
        return len(raw)
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise zipfile.BadZipFile(f"compression method {member.compress_type}")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    for start in range(0, len(raw), CHUNK):
        pending = raw[start:start + CHUNK]
        while pending:
            size += len(inflater.decompress(pending, CHUNK))
            if size > budget:
                return size
            pending = inflater.unconsumed_tail
    return size


def compressed_bytes(data: bytes, member: zipfile.ZipInfo) -> memoryview:
    """The compressed bytes of one member, found through its local header."""
    signature, name_length, extra_length = LOCAL_HEADER.unpack_from(data, member.header_offset)
    if signature != LOCAL_SIGNATURE or member.flag_bits & 0x1:  # bit 0: encrypted
        raise zipfile.BadZipFile("bad local header or encrypted member")
    start = member.header_offset + LOCAL_HEADER.size + name_length + extra_length
    return memoryview(data)[start:start + member.compress_size]
