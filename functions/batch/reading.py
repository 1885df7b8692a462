"""Reading a chunk's records: S3 reads of one object version, and each line or array item as an Article or the
reason it failed. Every failure stays on its own line: whatever one line raises (a RecursionError from 10 KB
of brackets, a MemoryError, a decoding error) is listed for that line, and the chunk's other lines go on.
"""

from __future__ import annotations

from collections.abc import Iterator

from batch import chunks
from batch.messages import ChunkTask
from batch.observability import logger
from factextract.errors import FactExtractError
from factextract.pipeline import default_extractor
from factextract.reader import Record, decode, file_format, read_lines, read_text
from shared import aws
from shared.errors import LineTooLarge, LineUnreadable


def longest_line_bytes() -> int:
    """JSON escapes can take six bytes per character; a longer line cannot hold an acceptable text."""
    return default_extractor().max_chars * 6 + 65_536


def too_large(size: int) -> LineTooLarge:
    return LineTooLarge(size, longest_line_bytes(), default_extractor().max_chars)


def version_args(etag: str | None, version_id: str | None) -> dict[str, str]:
    """Which object version a read must get: the notified version itself where the bucket keeps versions,
    else whatever has the notified ETag (a replaced object then answers PreconditionFailed)."""
    if version_id:
        return {"VersionId": version_id}
    # Quoted, as HTTP writes entity tags: S3 notifications carry them bare, and a bare one is refused by some.
    return {"IfMatch": f'"{etag.strip(chr(34))}"'} if etag else {}


def read(bucket: str, key: str, start: int, end: int, etag: str | None, version_id: str | None = None) -> bytes:
    if end <= start:
        return b""
    response = aws.s3().get_object(
        Bucket=bucket, Key=key, Range=f"bytes={start}-{end - 1}", **version_args(etag, version_id)
    )
    return response["Body"].read()


def whole_file(key: str, data: bytes) -> list[Record]:
    """Every record of a .txt or .json file; one failure on line 0 when the file as a whole cannot be read."""
    try:
        return list(read_text(key, decode(data)))
    except FactExtractError as error:
        return [Record(0, error=error)]
    except Exception as error:  # any failure of the whole file is that file's one failure, never the batch's
        logger.exception("file unreadable")
        return [Record(0, error=LineUnreadable(f"the file could not be read ({type(error).__name__})"))]


def records(task: ChunkTask, data: bytes) -> Iterator[tuple[int, Record]]:
    """Each record of the chunk with the byte offset the rest of the chunk would resume from at it."""
    if file_format(task.key) != ".jsonl":
        # Items of a .json array are a chunk's "lines": the task names the first and last it owns.
        for record in whole_file(task.key, data):
            if record.line and record.line < task.first_line:
                continue
            if task.last_line is not None and record.line > task.last_line:
                return
            yield task.start, record
        return
    longest = longest_line_bytes()
    for line in chunks.lines(data, task.start, task.first_line):
        try:
            found = _line_records(line, longest)
        except Exception as error:  # see the module's docstring
            logger.exception("line unreadable", extra={"line": line.number})
            found = [Record(line.number, error=LineUnreadable(f"the line could not be read ({type(error).__name__})"))]
        for record in found:
            yield line.start, record


def _line_records(line: chunks.Line, longest: int) -> list[Record]:
    if len(line.data) > longest:
        return [Record(line.number, error=too_large(len(line.data)))]
    try:
        text = decode(line.data)
    except FactExtractError as error:
        return [Record(line.number, error=error)]
    return list(read_lines([text], first_line=line.number))
