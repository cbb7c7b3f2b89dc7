#include <stdio.h>
#include <stdlib.h>

/* Return the sum of the maxima of all windows of k consecutive values of a. */
long long window_max_sum(const long long *a, int n, int k) {
    return 0;
}

int main(void) {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%lld\n", window_max_sum(a, n, k));
    free(a);
    return 0;
}
