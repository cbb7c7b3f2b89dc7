(let* ((line (read-line *standard-input* nil ""))
       (name (string-trim '(#\Space #\Tab #\Return) line)))
  (format t "Hello, ~a!~%" (if (string= name "") "world" name)))
