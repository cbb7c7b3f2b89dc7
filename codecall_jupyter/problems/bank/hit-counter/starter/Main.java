import java.io.*;
import java.util.*;

public class Main {
    static class HitCounter {
        // A request arrived at second t (t never decreases between calls).
        void hit(long t) {
        }

        // The number of hits with a time in (t - 300, t].
        long count(long t) {
            return 0;
        }
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int q = Integer.parseInt(in.sval);
        HitCounter counter = new HitCounter();
        long answer = 0;
        for (int i = 0; i < q; i++) {
            in.nextToken();
            String op = in.sval;
            in.nextToken();
            long t = Long.parseLong(in.sval);
            if (op.equals("hit")) {
                counter.hit(t);
            } else {
                answer += counter.count(t);
            }
        }
        System.out.println(answer);
    }
}
