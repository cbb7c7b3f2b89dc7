import java.io.*;
import java.util.*;

public class Main {
    // Return {number of anagram groups, size of the largest group}.
    static long[] anagramGroups(String[] words) {
        return new long[] {0, 0};
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            words[i] = in.sval;
        }
        long[] answer = anagramGroups(words);
        System.out.println(answer[0] + " " + answer[1]);
    }
}
