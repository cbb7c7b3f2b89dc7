#include <stdio.h>
#include <stdlib.h>

/* The two values that appear once in a (every other value appears twice): store the
   smaller in *x and the larger in *y. */
void lonely_pair(const long long *a, int n, long long *x, long long *y) {
    *x = 0;
    *y = 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    long long x, y;
    lonely_pair(a, n, &x, &y);
    printf("%lld %lld\n", x, y);
    free(a);
    return 0;
}
