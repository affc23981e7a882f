using System.Text;
using NewsDesk.Cli;

// Console.Out writes through a 256-byte buffer and flushes it every time: a 10 KB JSON line took 40 write calls.
// Standard output is buffered here and flushed when the command ends; the byte stream under it stays reachable
// for commands that write UTF-8 directly (tag).
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
return await CliApp.RunAsync(args, stdout, Console.Error);
