#include <stdio.h>
#include <stdlib.h>

/* Return the sum, over arrivals k..n, of the k-th largest score received so far. */
long long threshold_sum(const long long *a, int n, int k) {
    return 0;
}

int main(void) {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%lld\n", threshold_sum(a, n, k));
    free(a);
    return 0;
}
