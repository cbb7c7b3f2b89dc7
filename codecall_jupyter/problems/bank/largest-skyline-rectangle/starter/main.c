#include <stdio.h>
#include <stdlib.h>

/* Return the largest area of a rectangle standing on the ground under the skyline h. */
long long largest_rectangle(const long long *h, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *h = malloc(sizeof *h * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &h[i]);
    printf("%lld\n", largest_rectangle(h, n));
    free(h);
    return 0;
}
