(use-modules (ice-9 rdelim))

(define line (read-line))
(define name (if (eof-object? line) "" (string-trim-both line)))
(display (string-append "Hello, " (if (string-null? name) "world" name) "!"))
(newline)
