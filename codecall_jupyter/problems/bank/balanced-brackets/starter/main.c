#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* Return true if every bracket in s (length n) is closed by its own type, properly nested. */
bool is_balanced(const char *s, int n) {
    return false;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    char *s = malloc((size_t)n + 1);
    if (scanf("%s", s) != 1) s[0] = '\0';
    printf("%s\n", is_balanced(s, n) ? "YES" : "NO");
    free(s);
    return 0;
}
