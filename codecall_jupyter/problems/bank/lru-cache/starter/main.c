#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int capacity;
    /* Add the fields you need. */
} LRUCache;

/* A cache that holds at most `capacity` keys. */
LRUCache *lru_create(int capacity) {
    LRUCache *cache = malloc(sizeof *cache);
    cache->capacity = capacity;
    return cache;
}

/* The value under key (key becomes the most recently used), or -1 if it is absent. */
int lru_get(LRUCache *cache, int key) {
    return -1;
}

/* Store value under key (now the most recently used); evict the least recently used key
   when the cache holds more than `capacity` keys. */
void lru_put(LRUCache *cache, int key, int value) {
}

void lru_free(LRUCache *cache) {
    free(cache);
}

int main(void) {
    int capacity, q;
    if (scanf("%d %d", &capacity, &q) != 2) return 0;
    LRUCache *cache = lru_create(capacity);
    long long total = 0;
    char op[8];
    for (int i = 0; i < q; i++) {
        int key, value;
        if (scanf("%7s %d", op, &key) != 2) break;
        if (strcmp(op, "put") == 0) {
            if (scanf("%d", &value) != 1) break;
            lru_put(cache, key, value);
        } else {
            total += lru_get(cache, key);
        }
    }
    printf("%lld\n", total);
    lru_free(cache);
    return 0;
}
