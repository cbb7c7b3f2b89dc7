import std.stdio, std.string;

void main()
{
    auto name = readln().strip();
    if (name.length == 0) name = "world";
    writeln("Hello, ", name, "!");
}
