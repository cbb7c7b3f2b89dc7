object Main {
  def main(args: Array[String]): Unit = {
    val line = Option(scala.io.StdIn.readLine()).map(_.trim).getOrElse("")
    val name = if (line.isEmpty) "world" else line
    println(s"Hello, $name!")
  }
}
