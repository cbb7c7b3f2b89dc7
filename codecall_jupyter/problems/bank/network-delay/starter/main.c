#include <stdio.h>
#include <stdlib.h>

/* Time at which every server has heard the alert sent by server 1, or -1 if some never
   does. Link i goes one way from u[i] to v[i] and takes w[i]. */
long long network_delay(int n, int m, const int *u, const int *v, const long long *w) {
    return 0;
}

int main(void) {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    int *u = malloc(sizeof *u * ((size_t)m + 1));
    int *v = malloc(sizeof *v * ((size_t)m + 1));
    long long *w = malloc(sizeof *w * ((size_t)m + 1));
    for (int i = 0; i < m; i++) scanf("%d %d %lld", &u[i], &v[i], &w[i]);
    printf("%lld\n", network_delay(n, m, u, v, w));
    free(u);
    free(v);
    free(w);
    return 0;
}
