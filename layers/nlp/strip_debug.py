"""Removes debug sections and the static symbol table from ELF shared objects, for any architecture.

    python3 strip_debug.py FILE...

binutils' strip only rewrites objects of the architectures it was built for, so the aarch64 layer could be
stripped only where `aarch64-linux-gnu-strip` was installed; without it the layer was 256 MB of Lambda's 250 MB.
This needs nothing but Python. What it removes is what `strip --strip-debug` plus the `.symtab` of
`--strip-unneeded` remove from a shared object: `.debug_*`/`.zdebug_*`, `.symtab` and its `.strtab`, none of
which the dynamic loader reads (it uses `.dynsym`/`.dynstr`, inside the loaded segments).

Unlike binutils it never moves a byte that a program header maps: the file is cut where the last mapped byte
ends, kept unmapped sections (`.comment`, `.shstrtab`, ...) are appended after it, then the section headers.
A file whose removed sections lie inside the mapped part (patchelf, which auditwheel runs, appends segments
after them: numpy's extension modules) is left as it was. A file it cannot handle safely
(not ELF, not a shared object or executable, extended section numbering, a kept section that refers to a removed
one) is left exactly as it was and named on stderr; the build goes on.
"""

from __future__ import annotations

import os
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
ET_EXEC, ET_DYN = 2, 3
SHT_SYMTAB, SHT_RELA, SHT_NOBITS, SHT_REL = 2, 4, 8, 9
SHF_ALLOC, SHF_INFO_LINK = 0x2, 0x40
SHN_LORESERVE = 0xFF00
DEBUG_PREFIXES = (".debug", ".zdebug", ".gnu.debuglto_")


@dataclass
class Section:
    index: int
    name: str
    fields: list[int]  # name, type, flags, addr, offset, size, link, info, addralign, entsize

    @property
    def type(self) -> int:
        return self.fields[1]

    @property
    def flags(self) -> int:
        return self.fields[2]

    @property
    def offset(self) -> int:
        return self.fields[4]

    @property
    def size(self) -> int:
        return self.fields[5]

    @property
    def link(self) -> int:
        return self.fields[6]

    @property
    def info(self) -> int:
        return self.fields[7]

    @property
    def file_end(self) -> int:
        return self.offset + (0 if self.type == SHT_NOBITS else self.size)

    @property
    def info_is_index(self) -> bool:
        return self.type in (SHT_REL, SHT_RELA) or bool(self.flags & SHF_INFO_LINK)


class Unsupported(Exception):
    """The file is left as it was."""


def _align(value: int, alignment: int) -> int:
    return value if alignment <= 1 else -(-value // alignment) * alignment


def strip(data: bytes) -> bytes:
    """The file's bytes without its debug sections and static symbol table (the same bytes if it has none)."""
    if data[:4] != ELF_MAGIC:
        raise Unsupported("not ELF")
    bits = {1: 32, 2: 64}.get(data[4])
    order = {1: "<", 2: ">"}.get(data[5])
    if bits is None or order is None:
        raise Unsupported("unknown ELF class or byte order")
    word = "I" if bits == 32 else "Q"
    header = struct.Struct(f"{order}16sHHI{word}{word}{word}IHHHHHH")
    section = struct.Struct(f"{order}II{word}{word}{word}{word}II{word}{word}")
    segment = struct.Struct(f"{order}IIQQQQQQ" if bits == 64 else f"{order}IIIIIIII")
    (ident, e_type, machine, version, entry, phoff, shoff, flags, ehsize, phentsize, phnum, shentsize, shnum,
     shstrndx) = header.unpack_from(data)  # fmt: skip
    if e_type not in (ET_EXEC, ET_DYN):
        raise Unsupported("not a shared object or executable")
    if shoff == 0 or shnum == 0 or shstrndx >= SHN_LORESERVE or shentsize != section.size:
        raise Unsupported("no section headers, or extended section numbering")

    sections = [Section(i, "", list(section.unpack_from(data, shoff + i * shentsize))) for i in range(shnum)]
    names = sections[shstrndx]
    for s in sections:
        start = names.offset + s.fields[0]
        s.name = data[start : data.index(b"\0", start)].decode("latin-1")

    removed = {
        s.index
        for s in sections[1:]
        if not s.flags & SHF_ALLOC and (s.type == SHT_SYMTAB or s.name.startswith(DEBUG_PREFIXES))
    }
    # The string table of a removed .symtab, unless something else still names it.
    for s in [sections[i] for i in removed if sections[i].type == SHT_SYMTAB]:
        table = sections[s.link] if 0 < s.link < shnum else None
        if table and not table.flags & SHF_ALLOC and table.index != shstrndx:
            users = [u for u in sections if u.index not in removed and u.link == table.index]
            if not users:
                removed.add(table.index)
    # Relocations of a removed debug section go with it.
    removed |= {
        s.index for s in sections if s.type in (SHT_REL, SHT_RELA) and not s.flags & SHF_ALLOC and s.info in removed
    }
    if not removed:
        return data
    kept = [s for s in sections if s.index not in removed]
    for s in kept:
        if s.link in removed or (s.info_is_index and s.info in removed):
            raise Unsupported(f"{s.name} refers to a removed section")

    # Everything a program header maps, and every allocated section, keeps its offset.
    mapped_end = ehsize
    for i in range(phnum):
        p_offset, p_filesz = _segment_range(segment, data, phoff + i * phentsize, bits)
        mapped_end = max(mapped_end, phoff + (i + 1) * phentsize, p_offset + p_filesz)
    for s in kept:
        if s.flags & SHF_ALLOC:
            mapped_end = max(mapped_end, s.file_end)

    out = bytearray(data[:mapped_end])
    for s in sorted(kept[1:], key=lambda s: s.offset):
        if s.flags & SHF_ALLOC or s.file_end <= mapped_end:
            continue
        if s.offset < mapped_end:
            raise Unsupported(f"{s.name} straddles the end of the mapped part")
        new_offset = _align(len(out), s.fields[8])
        out += bytes(new_offset - len(out))
        if s.type != SHT_NOBITS:
            out += data[s.offset : s.file_end]
        s.fields[4] = new_offset

    new_index = {s.index: i for i, s in enumerate(kept)}
    new_shoff = _align(len(out), 8 if bits == 64 else 4)
    out += bytes(new_shoff - len(out))
    for s in kept:
        fields = list(s.fields)
        fields[6] = new_index[s.link] if 0 < s.link < shnum else s.link
        if s.info_is_index and 0 < s.info < shnum:
            fields[7] = new_index[s.info]
        out += section.pack(*fields)
    header.pack_into(
        out, 0, ident, e_type, machine, version, entry, phoff, new_shoff, flags, ehsize, phentsize, phnum,
        shentsize, len(kept), new_index[shstrndx],
    )  # fmt: skip
    # A file whose removed sections lie inside what is mapped (patchelf appends segments after them) gains nothing.
    return bytes(out) if len(out) < len(data) else data


def _segment_range(segment: struct.Struct, data: bytes, offset: int, bits: int) -> tuple[int, int]:
    values = segment.unpack_from(data, offset)
    # 64-bit: type, flags, offset, vaddr, paddr, filesz, ...; 32-bit: type, offset, vaddr, paddr, filesz, ...
    return (values[2], values[5]) if bits == 64 else (values[1], values[4])


def strip_file(path: Path) -> int:
    """Strips path in place (atomically, keeping its mode); returns the bytes saved."""
    data = path.read_bytes()
    result = strip(data)
    if result is data:
        return 0
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(result)
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return len(data) - len(result)


def main(paths: list[str]) -> int:
    saved = stripped = 0
    for name in paths:
        try:
            gain = strip_file(Path(name))
        except Unsupported as reason:
            print(f"strip_debug: left as it was: {name} ({reason})", file=sys.stderr)
            continue
        saved += gain
        stripped += gain > 0
    print(f"strip_debug: {stripped} of {len(paths)} shared objects stripped, {saved / 1e6:.1f} MB removed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
