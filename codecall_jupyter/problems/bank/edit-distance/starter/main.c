#include <stdio.h>
#include <string.h>

/* The fewest single-letter insertions, deletions and replacements that turn s into t. */
int edit_distance(const char *s, const char *t) {
    return 0;
}

static char s[2048], t[2048];

int main(void) {
    if (scanf("%2047s %2047s", s, t) != 2) return 0;
    printf("%d\n", edit_distance(s, t));
    return 0;
}
