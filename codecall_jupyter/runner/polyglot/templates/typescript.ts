import * as fs from "fs";

const name: string = fs.readFileSync(0, "utf8").trim() || "world";
console.log(`Hello, ${name}!`);
