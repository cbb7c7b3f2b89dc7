import java.io.BufferedReader;
import java.io.InputStreamReader;

public class Main {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line = in.readLine();
        String name = line == null || line.isBlank() ? "world" : line.strip();
        System.out.println("Hello, " + name + "!");
    }
}
