#include <stdio.h>
#include <stdlib.h>

/* Return the maximum of (j - i) * min(h[i], h[j]) over all pairs i < j. */
long long widest_reservoir(const long long *h, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *h = malloc(sizeof *h * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &h[i]);
    printf("%lld\n", widest_reservoir(h, n));
    free(h);
    return 0;
}
