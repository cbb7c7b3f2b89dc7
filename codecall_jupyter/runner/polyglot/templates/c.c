#include <stdio.h>

int main(void) {
    char name[256];
    if (scanf("%255s", name) != 1) {
        snprintf(name, sizeof name, "world");
    }
    printf("Hello, %s!\n", name);
    return 0;
}
