#include <stdio.h>
#include <stdlib.h>

/* Return the sum over all days of the days until a strictly warmer one (0 if never). */
long long total_wait(const long long *t, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *t = malloc(sizeof *t * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &t[i]);
    printf("%lld\n", total_wait(t, n));
    free(t);
    return 0;
}
