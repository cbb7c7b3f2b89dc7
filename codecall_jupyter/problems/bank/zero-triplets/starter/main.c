#include <stdio.h>
#include <stdlib.h>

/* Count the different value trios x <= y <= z, from three positions of a, with x + y + z == 0. */
long long zero_triplets(long long *a, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%lld\n", zero_triplets(a, n));
    free(a);
    return 0;
}
