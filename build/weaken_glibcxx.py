#!/usr/bin/env python3
"""Make TorchSharp's libLibTorchSharp.so loadable on a libstdc++ older than GCC 13.

TorchSharp 0.107 is built with GCC 13 and lists GLIBCXX_3.4.32 among its version needs for a
single marker symbol (_ZSt21ios_base_library_initv) that no relocation uses. Debian 12's
libstdc++ stops at GLIBCXX_3.4.30, so the dynamic loader refuses the library. This script
writes a copy of the library with that one version need marked weak (VER_FLG_WEAK): the loader
then only warns about it in LD_DEBUG output and loads the library.

usage: weaken_glibcxx.py SOURCE DEST   (DEST is written as a new file: never the source in place)
Exit 0 and print what it did; DEST is a plain copy when the system libstdc++ has the version.
"""
import ctypes, os, shutil, struct, sys

NEED = b"GLIBCXX_3.4.32"
SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def system_has(version: bytes) -> bool:
    ctypes.CDLL("libstdc++.so.6")
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "libstdc++.so" in line}
    return any(version + b"\0" in open(p, "rb").read() for p in paths)


def weaken(data: bytearray, version: bytes) -> int:
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    changed = 0
    for _, sh_type, _, _, off, size, link, _, _, _ in sections:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strtab = sections[link][4]
        need = off
        while True:
            _, cnt, _, aux, nxt = struct.unpack_from("<HHIII", data, need)
            a = need + aux
            for _ in range(cnt):
                _, flags, _, name, anext = struct.unpack_from("<IHHII", data, a)
                start = strtab + name
                if bytes(data[start:data.index(b"\0", start)]) == version and not flags & VER_FLG_WEAK:
                    struct.pack_into("<H", data, a + 4, flags | VER_FLG_WEAK)
                    changed += 1
                a += anext
            if nxt == 0:
                break
            need += nxt
    return changed


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    src, dest = sys.argv[1], sys.argv[2]
    data = bytearray(open(src, "rb").read())
    if system_has(NEED):
        note = f"system libstdc++ has {NEED.decode()}: plain copy"
    else:
        n = weaken(data, NEED)
        note = f"marked {n} need of {NEED.decode()} weak (system libstdc++ lacks it)"
    os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
    tmp = f"{dest}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    shutil.copymode(src, tmp)
    os.replace(tmp, dest)
    print(f"{dest}: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
