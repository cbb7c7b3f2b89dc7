#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return the length of the shortest substring of s holding every character of t
   (with multiplicity), or 0 if there is none. */
int shortest_cover(const char *s, int n, const char *t, int m) {
    return 0;
}

int main(void) {
    char *s = malloc(200005), *t = malloc(200005);
    if (scanf("%200002s %200002s", s, t) != 2) return 0;
    printf("%d\n", shortest_cover(s, (int)strlen(s), t, (int)strlen(t)));
    free(s);
    free(t);
    return 0;
}
