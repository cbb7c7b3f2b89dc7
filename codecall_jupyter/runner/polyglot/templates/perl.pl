use strict;
use warnings;
$| = 1;  # unbuffered: output streams

my $name = do { local $/; <STDIN> } // "";
$name =~ s/^\s+|\s+$//g;
$name = "world" if $name eq "";
print "Hello, $name!\n";
