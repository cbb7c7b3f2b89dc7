import java.io.*;
import java.util.*;

public class Main {
    // Return the length of the longest substring of s with no repeated character.
    static int longestDistinct(String s) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line = in.readLine();
        String s = line == null ? "" : line.trim();
        System.out.println(longestDistinct(s));
    }
}
