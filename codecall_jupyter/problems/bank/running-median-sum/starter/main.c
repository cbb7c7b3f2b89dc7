#include <stdio.h>
#include <stdlib.h>

/* Return the sum of the lower medians of a[0..i] for every i. */
long long median_sum(const long long *a, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%lld\n", median_sum(a, n));
    free(a);
    return 0;
}
