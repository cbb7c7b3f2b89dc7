"""The language table: adding a language is one ``LanguageRow`` (row.py explains the
fields and placeholders; the starter programs are in templates/). The core rows are
here, the extra ones in extra_languages.py.

Every command runs in the work dir, inside a sandbox with a read-only system, HOME and
TMPDIR writable, and no network: toolchains that cache (Go) are pointed at ``{tmp}``.
"""

from __future__ import annotations

from .extra_languages import EXTRA
from .row import JVM_COMPILER, JVM_RUN, STDBUF, LanguageRow, words

_JAVAC_FLAGS = " ".join(f"-J{flag}" for flag in JVM_COMPILER.split())

CORE: tuple[LanguageRow, ...] = (
    LanguageRow(
        id="python",
        name="Python",
        file="solution.py",
        run=words("{python} {entry}"),
        version=words("{python} --version"),
        env={"PYTHONDONTWRITEBYTECODE": "1"},
        stream_env={"PYTHONUNBUFFERED": "1"},
    ),
    LanguageRow(
        id="javascript",
        name="JavaScript (Node.js)",
        file="main.js",
        run=words("node --max-old-space-size={mem} {entry}"),
        version=words("node --version"),
        memory="flag",
        nproc=False,
    ),
    LanguageRow(
        id="typescript",
        name="TypeScript",
        file="main.ts",
        # Type errors are compile errors. CommonJS output runs on any Node without a
        # package.json; Node's types come from the global @types/node.
        compile=words(
            "tsc --outDir {build}/js --rootDir . --module commonjs --target es2022",
            "--skipLibCheck --pretty false --typeRoots /usr/lib/node_modules/@types",
            "--types node {files}",
        ),
        sources=(".ts",),
        run=words("node --max-old-space-size={mem} {build}/js/{entry_stem}.js"),
        version=words("tsc --version"),
        memory="flag",
        compile_memory="none",
        nproc=False,
        requires=("node", "/usr/lib/node_modules/@types/node"),
    ),
    LanguageRow(
        id="c",
        name="C (GCC)",
        file="main.c",
        compile=words("gcc -O2 -std=gnu17 -pipe -o {out} {files} -lm"),
        sources=(".c",),
        run=words("{out}"),
        version=words("gcc --version"),
        stream_env=STDBUF,
    ),
    LanguageRow(
        id="cpp",
        name="C++ (GCC)",
        file="main.cpp",
        compile=words("g++ -O2 -std=gnu++20 -pipe -o {out} {files}"),
        sources=(".cpp", ".cc", ".cxx"),
        run=words("{out}"),
        version=words("g++ --version"),
        stream_env=STDBUF,
    ),
    LanguageRow(
        id="java",
        name="Java",
        file="Main.java",
        compile=words("javac", _JAVAC_FLAGS, "-encoding UTF-8 -d {build}/classes {files}"),
        sources=(".java",),
        run=words("java", JVM_RUN, "-cp {build}/classes {class}"),
        version=words("java -version"),
        memory="flag",
        compile_memory="flag",
        nproc=False,
        requires=("javac",),
    ),
    LanguageRow(
        id="go",
        name="Go",
        file="main.go",
        compile=words("go build -o {out} {files}"),
        sources=(".go",),
        run=words("{out}"),
        version=words("go version"),
        memory="none",  # the Go runtime reserves address space up front
        compile_memory="none",
        nproc=False,
        env={
            "GOCACHE": "{tmp}/gocache",
            "GOPATH": "{tmp}/gopath",
            "GOTOOLCHAIN": "local",  # never download a toolchain
            "GOPROXY": "off",
            "GOFLAGS": "-buildvcs=false",
            "GOTELEMETRY": "off",
            "CGO_ENABLED": "0",  # no C toolchain run behind go build; faster
        },
    ),
    LanguageRow(
        id="rust",
        name="Rust",
        file="main.rs",
        compile=words("rustc --edition 2021 -O -o {out} {entry}"),
        run=words("{out}"),
        version=words("rustc --version"),
    ),
    LanguageRow(
        id="bash",
        name="Bash",
        file="main.sh",
        run=words("bash {entry}"),
        version=words("bash --version"),
    ),
    LanguageRow(
        id="sql",
        name="SQL (SQLite)",
        file="main.sql",
        # A fresh in-memory database per run: stdin (the test's SQL: tables and rows) is
        # read first, then the program. Output is sqlite3's list mode; the program may
        # change it with dot-commands (.mode, .headers).
        run=("sqlite3", "-bail", "-batch", ":memory:", ".read /dev/stdin", ".read {entry}"),
        version=words("sqlite3 --version"),
    ),
)

LANGUAGES: dict[str, LanguageRow] = {row.id: row for row in (*CORE, *EXTRA)}
