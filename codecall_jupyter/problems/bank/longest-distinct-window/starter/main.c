#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return the length of the longest substring of s (n characters) with no repeated character. */
int longest_distinct(const char *s, int n) {
    return 0;
}

int main(void) {
    char *s = malloc(200005);
    if (scanf("%200002s", s) != 1) s[0] = '\0';
    printf("%d\n", longest_distinct(s, (int)strlen(s)));
    free(s);
    return 0;
}
