#include <stdio.h>
#include <stdlib.h>

/* Return the minimum number of rooms that hosts every meeting [s, e). */
int rooms_needed(const long long *s, const long long *e, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *s = malloc(sizeof *s * (size_t)n);
    long long *e = malloc(sizeof *e * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld %lld", &s[i], &e[i]);
    printf("%d\n", rooms_needed(s, e, n));
    free(s);
    free(e);
    return 0;
}
