<?php
$name = trim(stream_get_contents(STDIN));
if ($name === "") {
    $name = "world";
}
echo "Hello, $name!\n";
