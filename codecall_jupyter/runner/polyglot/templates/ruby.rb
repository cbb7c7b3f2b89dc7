$stdout.sync = true
name = $stdin.read.to_s.strip
name = "world" if name.empty?
puts "Hello, #{name}!"
