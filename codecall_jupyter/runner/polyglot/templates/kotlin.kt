fun main() {
    val name = readLine()?.trim().orEmpty().ifEmpty { "world" }
    println("Hello, $name!")
}
