"""Languages beyond the core set, each from a Debian 12 package (``make languages``).

Rows whose runtime reserves huge address space (BEAM, SBCL, GHC) limit memory with a
flag or rely on the sandbox's memory cgroup, like Go and the JVM in the core table.
"""

from __future__ import annotations

from .row import JVM_COMPILER, JVM_RUN, STDBUF, LanguageRow, words

EXTRA: tuple[LanguageRow, ...] = (
    LanguageRow(
        id="ruby",
        name="Ruby",
        file="main.rb",
        run=words("ruby {entry}"),
        version=words("ruby --version"),
        address_space_mb=128,
    ),  # Ruby and Perl buffer pipes: their templates turn that off, so output streams
    LanguageRow(
        id="php",
        name="PHP",
        file="main.php",
        run=words("php -d memory_limit={mem}M -d display_errors=stderr {entry}"),
        version=words("php --version"),
        address_space_mb=64,
    ),
    LanguageRow(
        id="perl",
        name="Perl",
        file="main.pl",
        run=words("perl {entry}"),
        version=("perl", "-e", "print $^V"),
    ),
    LanguageRow(
        id="lua",
        name="Lua 5.4",
        file="main.lua",
        run=words("lua5.4 {entry}"),
        version=words("lua5.4 -v"),
        stream_env=STDBUF,
    ),
    LanguageRow(
        id="haskell",
        name="Haskell (GHC)",
        file="main.hs",
        compile=words("ghc -O1 -v0 -rtsopts -outputdir {build}/ghc -o {out} {entry}"),
        run=words("{out}"),
        version=words("ghc --numeric-version"),
        # GHC's runtime reserves address space by its heap cap: a flag, not RLIMIT_AS.
        memory="flag",
        compile_memory="flag",
        env={"GHCRTS": "-M{mem}m"},  # the heap cap, of ghc itself and of the program
    ),
    LanguageRow(
        id="ocaml",
        name="OCaml",
        file="main.ml",
        compile=words("ocamlopt -o {out} {entry}"),
        run=words("{out}"),
        version=words("ocamlopt -version"),
    ),
    LanguageRow(
        id="r",
        name="R",
        file="main.R",
        run=words("Rscript --vanilla {entry}"),
        version=words("Rscript --version"),
        address_space_mb=96,
    ),
    LanguageRow(
        id="csharp",
        name="C# (Mono)",
        file="Main.cs",
        compile=words("mcs -optimize+ -out:{out}.exe {files}"),
        sources=(".cs",),
        run=words("mono {out}.exe"),
        version=words("mcs --version"),
        address_space_mb=128,
        nproc=False,
        requires=("mono",),
    ),
    LanguageRow(
        id="fortran",
        name="Fortran (GFortran)",
        file="main.f90",
        compile=words("gfortran -O2 -o {out} {files}"),
        sources=(".f90", ".f95", ".f03", ".f08"),
        run=words("{out}"),
        version=words("gfortran --version"),
        stream_env={"GFORTRAN_UNBUFFERED_PRECONNECTED": "y"},
    ),
    LanguageRow(
        id="elixir",
        name="Elixir",
        file="main.exs",
        run=words("elixir {entry}"),
        version=words("elixir --short-version"),
        memory="none",  # the BEAM maps a 1 GB super carrier at start
        nproc=False,
    ),
    LanguageRow(
        id="cobol",
        name="COBOL (GnuCOBOL)",
        file="main.cob",
        compile=words("cobc -x -free -O -o {out} {entry}"),
        run=words("{out}"),
        version=words("cobc --version"),
    ),
    LanguageRow(
        id="pascal",
        name="Pascal (Free Pascal)",
        file="main.pas",
        compile=words("fpc -O2 -v0 -l- -FE{build} -o{out} {entry}"),
        run=words("{out}"),
        version=words("fpc -iV"),
    ),
    LanguageRow(
        id="d",
        name="D (GDC)",
        file="main.d",
        compile=words("gdc -O2 -o {out} {files}"),
        sources=(".d",),
        run=words("{out}"),
        version=words("gdc --version"),
    ),
    LanguageRow(
        id="scheme",
        name="Scheme (Guile)",
        file="main.scm",
        run=words("guile --no-auto-compile {entry}"),
        version=words("guile --version"),
    ),
    LanguageRow(
        id="commonlisp",
        name="Common Lisp (SBCL)",
        file="main.lisp",
        run=words("sbcl --dynamic-space-size {mem}MB --script {entry}"),
        version=words("sbcl --version"),
        memory="flag",  # SBCL maps its whole dynamic space at start
    ),
    LanguageRow(
        id="prolog",
        name="Prolog (SWI-Prolog)",
        file="main.pl",
        run=words("swipl {entry}"),
        version=words("swipl --version"),
        address_space_mb=32,
    ),
    LanguageRow(
        id="kotlin",
        name="Kotlin",
        file="Main.kt",
        compile=words("kotlinc {files} -include-runtime -d {build}/main.jar"),
        sources=(".kt",),
        run=words("java", JVM_RUN, "-jar {build}/main.jar"),
        version=words("kotlinc -version"),
        memory="flag",
        compile_memory="flag",
        nproc=False,
        requires=("java",),
        # kotlinc is a script that reads JAVA_OPTS; its -noverify warning is noise.
        env={"JAVA_OPTS": f"{JVM_COMPILER} -XX:-PrintWarnings"},
    ),
    LanguageRow(
        id="scala",
        name="Scala",
        file="Main.scala",
        compile=words("scalac -d {build} {files}"),
        sources=(".scala",),
        run=words("java", JVM_RUN, "-cp {build}:/usr/share/java/scala-library.jar {class}"),
        version=words("scalac -version"),
        memory="flag",
        compile_memory="flag",
        nproc=False,
        requires=("java",),
        env={"JAVA_OPTS": JVM_COMPILER},
    ),
    LanguageRow(
        id="nim",
        name="Nim",
        file="main.nim",
        compile=words(
            "nim compile -d:release --hints:off --verbosity:0",
            "--nimcache:{build}/nimcache -o:{out} {entry}",
        ),
        run=words("{out}"),
        version=words("nim --version"),
    ),
)
