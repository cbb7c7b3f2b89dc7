import java.io.*;
import java.util.*;

public class Main {
    // Return the length of the shortest substring of s holding every character of t
    // (with multiplicity), or 0 if there is none.
    static int shortestCover(String s, String t) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String s = in.readLine().trim();
        String t = in.readLine().trim();
        System.out.println(shortestCover(s, t));
    }
}
