using System;

public static class Program
{
    public static void Main()
    {
        string name = Console.In.ReadToEnd().Trim();
        if (name.Length == 0) name = "world";
        Console.WriteLine($"Hello, {name}!");
    }
}
