#include <iostream>
#include <string>

int main() {
    std::string name;
    if (!(std::cin >> name)) name = "world";
    std::cout << "Hello, " << name << "!\n";
    return 0;
}
